// Draws each oversight chart from the table that holds its numbers (the table stays on the page for screen readers
// and for anyone who prefers numbers), so chart and table can never disagree.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') { return; }
  var palette = ['#0d6efd', '#dc3545', '#198754', '#ffc107', '#6f42c1', '#20c997', '#fd7e14', '#6c757d',
    '#0dcaf0', '#d63384', '#495057', '#adb5bd', '#052c65', '#664d03'];

  function number(text) {
    var n = parseFloat(String(text).replace(/[^0-9.\-]/g, ''));
    return isNaN(n) ? 0 : n;
  }

  document.querySelectorAll('canvas[data-chart-for]').forEach(function (canvas) {
    var table = document.getElementById(canvas.dataset.chartFor);
    if (!table) { return; }
    var kind = table.dataset.chart;
    var heads = Array.prototype.slice.call(table.querySelectorAll('thead th'));
    var columns = [];
    heads.forEach(function (th, i) {
      if (i > 0 && th.dataset.chartSkip !== 'true') { columns.push({ index: i, label: th.textContent.trim() }); }
    });
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
    var labels = rows.map(function (tr) { return tr.cells[0].textContent.trim(); });
    var datasets = columns.map(function (col, c) {
      return {
        label: col.label,
        data: rows.map(function (tr) { return number(tr.cells[col.index].textContent); }),
        backgroundColor: kind === 'bar' && columns.length === 1
          ? labels.map(function (_, i) { return palette[i % palette.length]; }) : palette[c % palette.length]
      };
    });
    var stacked = kind === 'stacked';
    new Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: columns.length > 1 } },
        scales: { x: { stacked: stacked }, y: { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  });
})();
