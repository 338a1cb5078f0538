package dev.aftersales.risk.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.aftersales.risk.RiskManagement;
import dev.aftersales.risk.RiskPanels;

/** Agents: the abuse watchlist, the shops under supervision, and one buyer's risk panel. */
@Controller
class AgentRiskController {

    private final RiskManagement risk;
    private final RiskPanels panels;

    AgentRiskController(RiskManagement risk, RiskPanels panels) {
        this.risk = risk;
        this.panels = panels;
    }

    @GetMapping("/agent/watchlist")
    String watchlist(Model model) {
        model.addAttribute("rows", risk.watchlist());
        model.addAttribute("reviewScore", risk.reviewThreshold());
        return "agent/risk/watchlist";
    }

    @GetMapping("/agent/supervision")
    String supervision(Model model) {
        model.addAttribute("cards", risk.supervision());
        return "agent/risk/supervision";
    }

    @GetMapping("/agent/buyers/{id}/risk")
    String buyer(@PathVariable long id, Model model) {
        model.addAttribute("risk", panels.buyer(id));
        model.addAttribute("buyerName", panels.buyerName(id));
        return "agent/risk/buyer";
    }
}
