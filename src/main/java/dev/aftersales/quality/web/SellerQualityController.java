package dev.aftersales.quality.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.aftersales.quality.internal.QualityReports;
import dev.aftersales.shared.CurrentUser;

/** The seller's product-quality page: always the signed-in seller's own shop. */
@Controller
class SellerQualityController {

    private final QualityReports reports;

    SellerQualityController(QualityReports reports) {
        this.reports = reports;
    }

    @GetMapping("/seller/quality")
    String quality(CurrentUser me, @RequestParam(required = false) String days,
            @RequestParam(required = false) String sku, Model model) {
        QualityPage.fill(model, reports, me.shopId(), days, sku, "/seller/quality", "/seller/claims/");
        return "seller/quality";
    }
}
