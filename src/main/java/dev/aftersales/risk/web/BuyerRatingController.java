package dev.aftersales.risk.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.aftersales.risk.internal.Ratings;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.web.Moves;

/** The buyer rates how an ended claim was handled, from the claim page. */
@Controller
class BuyerRatingController {

    private final Ratings ratings;
    private final Moves moves;

    BuyerRatingController(Ratings ratings, Moves moves) {
        this.ratings = ratings;
        this.moves = moves;
    }

    @PostMapping("/buyer/claims/{id}/rating")
    String rate(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String stars,
            @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        Integer value = null;
        try {
            value = stars == null || stars.isBlank() ? null : Integer.valueOf(stars.trim());
        } catch (NumberFormatException e) {
            value = null;
        }
        Integer chosen = value;
        moves.move(redirect, "risk.rating.saved", () -> ratings.rate(id, me, chosen, comment));
        return "redirect:/buyer/claims/" + id + "#rating";
    }
}
