package dev.aftersales.claims.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.aftersales.claims.ClaimNotAllowed;
import dev.aftersales.claims.DuplicateClaim;
import dev.aftersales.claims.Remedy;
import dev.aftersales.claims.SystemCases;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.web.Moves;
import dev.aftersales.shipping.Carrier;

/**
 * The moves of the system-opened cases: the buyer reports missing tracking and chooses refund or substitute; the
 * seller supplies valid tracking.
 */
@Controller
class SystemCaseController {

    private final SystemCases cases;
    private final ClaimPages pages;
    private final Moves moves;

    SystemCaseController(SystemCases cases, ClaimPages pages, Moves moves) {
        this.cases = cases;
        this.pages = pages;
        this.moves = moves;
    }

    @PostMapping("/buyer/orders/{orderId}/no-tracking")
    String reportMissingTracking(CurrentUser me, @PathVariable long orderId, RedirectAttributes redirect) {
        try {
            long id = cases.reportMissingTracking(orderId, me);
            moves.success(redirect, "watchers.flash.reported");
            return "redirect:/buyer/claims/" + id;
        } catch (DuplicateClaim e) {
            moves.failure(redirect, "watchers.noTracking.open", e.claimNumber());
            return "redirect:/buyer/claims/" + e.claimId();
        } catch (ClaimNotAllowed e) {
            moves.failure(redirect, e.messageKey(), e.args());
            return "redirect:/buyer/orders/" + orderId;
        }
    }

    @PostMapping("/buyer/claims/{id}/choice")
    String choose(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long version,
            @RequestParam(required = false) Remedy choice, RedirectAttributes redirect) {
        if (choice != Remedy.REFUND && choice != Remedy.SUBSTITUTE) {
            moves.failure(redirect, "watchers.rejected.choice");
        } else {
            pages.move(redirect, choice == Remedy.REFUND ? "watchers.flash.choseRefund" : "watchers.flash.choseSubstitute",
                    () -> cases.choose(id, me, version, choice));
        }
        return "redirect:/buyer/claims/" + id;
    }

    @PostMapping("/seller/claims/{id}/tracking")
    String supplyTracking(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long version,
            @RequestParam(required = false) Carrier carrier, @jakarta.validation.constraints.Size(max = dev.aftersales.shared.web.InputLimits.TRACKING_NUMBER) @RequestParam(defaultValue = "") String trackingNumber,
            RedirectAttributes redirect) {
        if (carrier == null || trackingNumber.isBlank()) {
            moves.refuse(carrier == null ? "carrier" : "trackingNumber", "claim.error.tracking");
            return "redirect:/seller/claims/" + id;
        }
        pages.move(redirect, "watchers.flash.supplied",
                () -> cases.supplyTracking(id, me, version, carrier, trackingNumber));
        return "redirect:/seller/claims/" + id;
    }
}
