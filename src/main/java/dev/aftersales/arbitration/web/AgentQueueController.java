package dev.aftersales.arbitration.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.aftersales.arbitration.ArbitrationViews;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.QueueFilter;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.web.Amounts;
import dev.aftersales.shared.web.Keyset;

/**
 * The agent queue: claims with the platform by due time, then amount; paging by position; filters with their counts.
 * The claims and how many the chosen filter shows (up to 1,000) are read on every view; the filters' counts are a
 * summary ({@link DashboardSummary}), and the page says when they were counted.
 */
@Controller
class AgentQueueController {

    static final int PAGE_SIZE = 20;

    private final ArbitrationViews views;
    private final DashboardSummary summary;
    private final java.util.List<dev.aftersales.arbitration.QueueColumn> columns;

    AgentQueueController(ArbitrationViews views, DashboardSummary summary,
            java.util.List<dev.aftersales.arbitration.QueueColumn> columns) {
        this.views = views;
        this.summary = summary;
        this.columns = columns.stream().sorted(java.util.Comparator.comparingInt(
                dev.aftersales.arbitration.QueueColumn::position)).toList();
    }

    /** A contributed column with the cells of this page (see {@link dev.aftersales.arbitration.QueueColumn}). */
    record Column(String headingKey, String template, String fragment, java.util.Map<Long, ?> cells) {
    }

    @GetMapping("/agent/queue")
    String queue(@RequestParam(required = false) ClaimType type, @RequestParam(required = false) Long shop,
            @RequestParam(required = false) String min, @RequestParam(required = false) String max,
            @RequestParam(defaultValue = "false") boolean review, @RequestParam(defaultValue = "false") boolean breached,
            @RequestParam(required = false) String after, @RequestParam(required = false) String before,
            Model model) {
        Money minAmount = Amounts.parse(min);
        Money maxAmount = Amounts.parse(max);
        if (min != null && !min.isBlank() && (minAmount == null || minAmount.minor() < 0)) {
            model.addAttribute("minError", true);
            minAmount = null;
        }
        if (max != null && !max.isBlank() && (maxAmount == null || maxAmount.minor() < 0)) {
            model.addAttribute("maxError", true);
            maxAmount = null;
        }
        QueueFilter filter = new QueueFilter(type, shop, minAmount == null ? null : minAmount.minor(),
                maxAmount == null ? null : maxAmount.minor(), review, breached);
        var result = views.queue(filter, Keyset.Request.of(after, before, PAGE_SIZE));
        model.addAttribute("rows", result);
        long shown = views.queueCount(filter);
        model.addAttribute("shown", Math.min(shown, dev.aftersales.claims.ClaimInterventions.QUEUE_COUNT_CAP));
        model.addAttribute("shownMore", shown > dev.aftersales.claims.ClaimInterventions.QUEUE_COUNT_CAP);
        var columnRows = result.rows().stream()
                .map(r -> new dev.aftersales.arbitration.QueueColumn.Row(r.id(), r.buyerId(), r.shopId())).toList();
        model.addAttribute("columns", columns.stream().map(c -> new Column(c.headingKey(), c.template(),
                c.fragment(), columnRows.isEmpty() ? java.util.Map.of() : c.cells(columnRows))).toList());
        var counts = summary.queueCounts();
        model.addAttribute("counts", counts.value());
        model.addAttribute("countsAt", counts.at());
        model.addAttribute("countsMaxAge", summary.maxAge().toSeconds());
        model.addAttribute("types", ClaimType.values());
        model.addAttribute("type", type);
        model.addAttribute("shop", shop);
        model.addAttribute("min", min == null ? "" : min);
        model.addAttribute("max", max == null ? "" : max);
        model.addAttribute("review", review);
        model.addAttribute("breached", breached);
        return "agent/queue";
    }
}
