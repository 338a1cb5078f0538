// Keeps every countdown on the page current. The texts come from the page (data-* on <body>), so they follow the
// reader's language; the server's own time is taken as "now" when the page was rendered, so that a wrong clock on
// the reader's device does not change what is shown.
(function () {
  'use strict';
  var body = document.body;
  var serverNow = Date.parse(body.dataset.now || '');
  var offset = isNaN(serverNow) ? 0 : serverNow - Date.now();

  function fill(pattern, values) {
    return pattern.replace(/\{(\d)\}/g, function (_, i) { return values[+i]; });
  }

  function span(ms) {
    var minutes = Math.max(Math.floor(ms / 60000), 0);
    var days = Math.floor(minutes / 1440);
    var hours = Math.floor(minutes / 60) % 24;
    var mins = minutes % 60;
    if (days > 0) { return fill(body.dataset.spanDh, [days, hours]); }
    if (hours > 0) { return fill(body.dataset.spanHm, [hours, mins]); }
    return fill(body.dataset.spanM, [mins]);
  }

  function update() {
    var now = Date.now() + offset;
    document.querySelectorAll('time.countdown[datetime]').forEach(function (el) {
      var due = Date.parse(el.getAttribute('datetime'));
      if (isNaN(due)) { return; }
      var remaining = due - now;
      if (remaining <= 0) {
        el.textContent = fill(body.dataset.overdue, [span(-remaining)]);
        el.classList.add('text-danger', 'fw-semibold');
      } else {
        el.textContent = fill(body.dataset.left, [span(remaining)]);
      }
    });
  }

  // forms with data-confirm ask before they are sent
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });

  // a form is sent once: a second click while the first is on its way does nothing
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (event.defaultPrevented) { return; }
    if (form.dataset.submitted === 'true') { event.preventDefault(); return; }
    form.dataset.submitted = 'true';
  });

  // coming back to a page from the browser's history makes its forms usable again
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form[data-submitted]').forEach(function (f) { delete f.dataset.submitted; });
  });

  // a refused form comes back with its reasons next to the fields: the first refused field takes the focus, so a
  // keyboard or screen-reader user starts where the correction is needed (without script the reasons still show)
  var refused = document.querySelector('main .is-invalid');
  if (refused && typeof refused.focus === 'function') {
    refused.focus();
  }

  // a saved reply chosen from its list goes into the field it belongs to (after what is typed there already), to be
  // read and changed before sending; the list goes back to its prompt
  document.addEventListener('change', function (event) {
    var list = event.target;
    if (!list.classList || !list.classList.contains('saved-reply') || !list.value) { return; }
    var field = document.getElementById(list.dataset.target);
    if (field) {
      field.value = field.value.trim() ? field.value.replace(/\s+$/, '') + '\n\n' + list.value : list.value;
      field.focus();
    }
    list.value = '';
  });

  update();
  window.setInterval(update, 30000);
}());
