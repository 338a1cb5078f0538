package dev.aftersales.arbitration.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.aftersales.arbitration.DecisionOutcome;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.shared.web.Formats;

/** Oversight: open cases by type and state, SLA compliance by day, decisions by outcome, top shops by escalations. */
@Controller
class AgentDashboardController {

    private final DashboardSummary summary;
    private final Formats formats;
    private final java.util.List<dev.aftersales.arbitration.DashboardPanel> panels;

    AgentDashboardController(DashboardSummary summary, Formats formats,
            java.util.List<dev.aftersales.arbitration.DashboardPanel> panels) {
        this.summary = summary;
        this.formats = formats;
        this.panels = panels.stream().sorted(java.util.Comparator.comparingInt(
                dev.aftersales.arbitration.DashboardPanel::position)).toList();
    }

    /** A contributed section with its data (see {@link dev.aftersales.arbitration.DashboardPanel}). */
    record Panel(String template, String fragment, Object data) {
    }

    @GetMapping("/agent/dashboard")
    String dashboard(Model model) {
        var figures = summary.dashboard(formats.zone());
        model.addAttribute("dash", figures.value());
        model.addAttribute("dashAt", figures.at());
        model.addAttribute("dashMaxAge", summary.maxAge().toSeconds());
        model.addAttribute("types", ClaimType.values());
        model.addAttribute("outcomes", DecisionOutcome.values());
        java.util.List<Panel> extra = new java.util.ArrayList<>();
        for (var p : panels) {
            Object data = p.data();
            if (data != null) {
                extra.add(new Panel(p.template(), p.fragment(), data));
            }
        }
        model.addAttribute("extraPanels", extra);
        return "agent/dashboard";
    }
}
