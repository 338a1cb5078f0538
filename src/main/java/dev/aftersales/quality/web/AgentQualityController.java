package dev.aftersales.quality.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.aftersales.quality.internal.QualityReports;

/** An agent's view of any shop's product-quality page (an unknown shop is "not found"). */
@Controller
class AgentQualityController {

    private final QualityReports reports;

    AgentQualityController(QualityReports reports) {
        this.reports = reports;
    }

    @GetMapping("/agent/shops/{shopId}/quality")
    String quality(@PathVariable long shopId, @RequestParam(required = false) String days,
            @RequestParam(required = false) String sku, Model model) {
        QualityPage.fill(model, reports, shopId, days, sku, "/agent/shops/" + shopId + "/quality", "/agent/claims/");
        return "agent/shops/quality";
    }
}
