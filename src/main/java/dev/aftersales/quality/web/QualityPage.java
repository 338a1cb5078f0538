package dev.aftersales.quality.web;

import java.util.List;

import org.springframework.ui.Model;

import dev.aftersales.quality.internal.QualityReport;
import dev.aftersales.quality.internal.QualityReports;

/** What the seller's and the agent's quality pages share: the window switch and a SKU's claim list. */
final class QualityPage {

    private QualityPage() {
    }

    /** The window in days: 90 when asked for, otherwise 30 (a mangled link shows the default). */
    static int window(String days) {
        return "90".equals(days) ? 90 : 30;
    }

    /**
     * Fills the model of {@code quality/report}: the report, the base path of the page, the base path of a claim
     * page, and the claims of the SKU asked for (only a SKU the report shows).
     */
    static void fill(Model model, QualityReports reports, long shopId, String days, String sku, String base,
            String claimBase) {
        QualityReport report = reports.report(shopId, window(days));
        model.addAttribute("report", report);
        model.addAttribute("base", base);
        model.addAttribute("claimBase", claimBase);
        if (sku != null && !sku.isBlank()) {
            report.products().stream().filter(p -> p.sku().equals(sku)).findFirst().ifPresent(p -> {
                model.addAttribute("selected", p);
                model.addAttribute("claims", reports.claimsOf(shopId, p.sku(), report.days()));
            });
        }
        if (!model.containsAttribute("claims")) {
            model.addAttribute("claims", List.of());
        }
    }
}
