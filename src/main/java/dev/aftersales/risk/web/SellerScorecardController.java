package dev.aftersales.risk.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.aftersales.risk.RiskManagement;
import dev.aftersales.shared.CurrentUser;

/** A shop's own scorecard, its supervision status and what to improve; always the signed-in seller's shop. */
@Controller
class SellerScorecardController {

    private final RiskManagement risk;

    SellerScorecardController(RiskManagement risk) {
        this.risk = risk;
    }

    @GetMapping("/seller/scorecard")
    String scorecard(CurrentUser me, Model model) {
        model.addAttribute("card", risk.scorecard(me.shopId()));
        return "seller/scorecard";
    }
}
