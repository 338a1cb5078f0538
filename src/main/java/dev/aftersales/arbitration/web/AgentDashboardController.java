package dev.aftersales.arbitration.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.aftersales.arbitration.ArbitrationViews;
import dev.aftersales.arbitration.DecisionOutcome;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.shared.web.Formats;

/** Oversight: open cases by type and state, SLA compliance by day, decisions by outcome, top shops by escalations. */
@Controller
class AgentDashboardController {

    private final ArbitrationViews views;
    private final Formats formats;

    AgentDashboardController(ArbitrationViews views, Formats formats) {
        this.views = views;
        this.formats = formats;
    }

    @GetMapping("/agent/dashboard")
    String dashboard(Model model) {
        model.addAttribute("dash", views.dashboard(formats.zone()));
        model.addAttribute("types", ClaimType.values());
        model.addAttribute("outcomes", DecisionOutcome.values());
        return "agent/dashboard";
    }
}
