package dev.aftersales.claims.web;

import java.util.List;

import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.ClaimViews;
import dev.aftersales.claims.InspectionResult;
import dev.aftersales.claims.Remedy;
import dev.aftersales.claims.SavedReplies;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.NotFound;
import dev.aftersales.shared.web.Amounts;
import dev.aftersales.shared.web.InputLimits;
import dev.aftersales.shared.web.Moves;
import dev.aftersales.shared.web.Keyset;
import dev.aftersales.shipping.Carrier;

/** The shop's claims needing an answer, soonest due first, and the seller's moves on one claim. */
@Controller
@RequestMapping("/seller/claims")
class SellerClaimController {

    private final SavedReplies savedReplies;

    static final int PAGE_SIZE = 20;

    private final ClaimManagement claims;
    private final ClaimViews views;
    private final ClaimPages pages;
    private final Moves moves;

    SellerClaimController(ClaimManagement claims, ClaimViews views, ClaimPages pages, Moves moves,
            SavedReplies savedReplies) {
        this.savedReplies = savedReplies;
        this.claims = claims;
        this.views = views;
        this.pages = pages;
        this.moves = moves;
    }

    @GetMapping
    String queue(CurrentUser me, @RequestParam(required = false) String after,
            @RequestParam(required = false) String before, Model model) {
        long shop = shopOf(me);
        model.addAttribute("claims", views.sellerQueue(shop, Keyset.Request.of(after, before, PAGE_SIZE)));
        var counts = claims.countsForShop(shop);
        model.addAttribute("counts", counts);
        model.addAttribute("statuses", java.util.Arrays.stream(ClaimStatus.values()).filter(counts::containsKey)
                .toList());
        return "seller/claims/list";
    }

    @GetMapping("/{id}")
    String detail(CurrentUser me, @PathVariable long id, Model model) {
        shopOf(me);
        var claim = views.detail(id, me);
        model.addAttribute("claim", claim);
        model.addAttribute("savedRepliesPage", "/seller/replies");
        model.addAttribute("savedReplies", savedReplies.filledFor(me, claim));
        model.addAttribute("carriers", Carrier.values());
        model.addAttribute("alternatives", List.of(Remedy.REFUND, Remedy.RESHIP, Remedy.EXCHANGE));
        model.addAttribute("inspectionResults", InspectionResult.values());
        return "seller/claims/detail";
    }

    @PostMapping("/{id}/accept")
    String accept(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long version,
            RedirectAttributes redirect) {
        pages.move(redirect, "claim.flash.accepted", () -> claims.accept(id, me, version));
        return back(id);
    }

    @PostMapping("/{id}/propose")
    String propose(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long version,
            @RequestParam(required = false) Remedy alternative, @Size(max = InputLimits.AMOUNT_CHARS) @RequestParam(defaultValue = "") String amount,
            @Size(max = InputLimits.TEXT) @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        claims.claim(id, me); // not the shop's claim: not found, before anything typed is read
        if (alternative == null) {
            moves.refuse("alternative", "claim.rejected.alternative");
            return back(id);
        }
        var money = Amounts.parse(amount);
        if (!amount.isBlank() && money == null) {
            moves.refuse("amount", "claim.form.error.amountFormat");
            return back(id);
        }
        pages.move(redirect, "claim.flash.proposed", () -> claims.propose(id, me, version, alternative, money, note));
        return back(id);
    }

    @PostMapping("/{id}/reject")
    String reject(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long version,
            @Size(max = InputLimits.TEXT) @RequestParam(defaultValue = "") String reason,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
        pages.move(redirect, "claim.flash.rejected",
                () -> claims.reject(id, me, version, reason, ClaimPages.uploads(files)));
        return back(id);
    }

    @PostMapping("/{id}/reship")
    String reship(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long version,
            @RequestParam(required = false) Carrier carrier, @Size(max = InputLimits.TRACKING_NUMBER) @RequestParam(defaultValue = "") String trackingNumber,
            RedirectAttributes redirect) {
        if (carrier == null || trackingNumber.isBlank()) {
            moves.refuse(carrier == null ? "carrier" : "trackingNumber", "claim.error.tracking");
            return back(id);
        }
        pages.move(redirect, "claim.flash.reshipped", () -> claims.reship(id, me, version, carrier, trackingNumber));
        return back(id);
    }

    @PostMapping("/{id}/confirm-return")
    String confirmReturn(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long version,
            @RequestParam(required = false) InspectionResult result, @Size(max = InputLimits.TEXT) @RequestParam(defaultValue = "") String note,
            @Size(max = InputLimits.AMOUNT_CHARS) @RequestParam(defaultValue = "") String amount,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
        claims.claim(id, me); // not the shop's claim: not found, before anything typed is read
        if (result == null) {
            moves.refuse("result", "claim.error.inspection");
            return back(id);
        }
        var money = Amounts.parse(amount);
        if (!amount.isBlank() && money == null) {
            moves.refuse("amount", "claim.form.error.amountFormat");
            return back(id);
        }
        pages.move(redirect, "claim.flash.returnConfirmed",
                () -> claims.confirmReturn(id, me, version, result, note, money, ClaimPages.uploads(files)));
        return back(id);
    }

    @PostMapping("/{id}/escalate")
    String escalate(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long version,
            @Size(max = InputLimits.TEXT) @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        pages.move(redirect, "claim.flash.escalated", () -> claims.escalate(id, me, version, reason));
        return back(id);
    }

    @PostMapping("/{id}/messages")
    String message(CurrentUser me, @PathVariable long id, @Size(max = InputLimits.TEXT) @RequestParam(defaultValue = "") String body,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
        pages.move(redirect, "claim.flash.messageSent",
                () -> claims.addMessage(id, me, body, ClaimPages.uploads(files)));
        return back(id);
    }

    private static long shopOf(CurrentUser me) {
        if (me.shopId() == null) {
            throw new NotFound("Shop", me.accountId());
        }
        return me.shopId();
    }

    private static String back(long id) {
        return "redirect:/seller/claims/" + id;
    }
}
