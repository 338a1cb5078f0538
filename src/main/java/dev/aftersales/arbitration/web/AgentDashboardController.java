package dev.aftersales.arbitration.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.aftersales.arbitration.DecisionOutcome;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.shared.web.Formats;

/**
 * Oversight: open cases by type and state, SLA compliance by day, decisions by outcome, top shops by escalations, and
 * the sections other modules contribute; all from a summary counted at most once a minute ({@link DashboardSummary}).
 */
@Controller
class AgentDashboardController {

    private final DashboardSummary summary;
    private final Formats formats;

    AgentDashboardController(DashboardSummary summary, Formats formats) {
        this.summary = summary;
        this.formats = formats;
    }

    @GetMapping("/agent/dashboard")
    String dashboard(Model model) {
        var figures = summary.dashboard(formats.zone());
        model.addAttribute("dash", figures.value().charts());
        model.addAttribute("dashAt", figures.at());
        model.addAttribute("dashMaxAge", summary.maxAge().toSeconds());
        model.addAttribute("types", ClaimType.values());
        model.addAttribute("outcomes", DecisionOutcome.values());
        model.addAttribute("extraPanels", figures.value().panels());
        return "agent/dashboard";
    }
}
