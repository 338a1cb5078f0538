package dev.aftersales.claims.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.aftersales.claims.ClaimViews;
import dev.aftersales.shared.CurrentUser;

/** A platform agent reads a claim: everything the parties see, no moves. */
@Controller
class AgentClaimController {

    private final ClaimViews views;

    AgentClaimController(ClaimViews views) {
        this.views = views;
    }

    @GetMapping("/agent/claims/{id}")
    String detail(CurrentUser me, @PathVariable long id, Model model) {
        model.addAttribute("claim", views.detail(id, me));
        return "agent/claims/detail";
    }
}
