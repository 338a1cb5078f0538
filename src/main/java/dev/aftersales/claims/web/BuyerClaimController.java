package dev.aftersales.claims.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.aftersales.claims.ClaimForm;
import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimNotAllowed;
import dev.aftersales.claims.ClaimReason;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.ClaimViews;
import dev.aftersales.claims.DuplicateClaim;
import dev.aftersales.claims.FileClaim;
import dev.aftersales.claims.InvalidEvidence;
import dev.aftersales.claims.Remedy;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.NotFound;
import dev.aftersales.shared.Refusal;
import dev.aftersales.shared.web.Amounts;
import dev.aftersales.shared.web.InputLimits;
import dev.aftersales.shared.web.Moves;
import dev.aftersales.shared.web.Keyset;
import dev.aftersales.shipping.Carrier;

/** The buyer files claims from an order, follows them and makes the moves that are theirs. */
@Controller
class BuyerClaimController {

    static final int PAGE_SIZE = 20;
    private static final List<String> FORM_FIELDS = List.of("reason", "remedy", "description", "requestedAmount",
            "units", "evidence");

    private final ClaimManagement claims;
    private final ClaimViews views;
    private final ClaimPages pages;
    private final Moves moves;

    BuyerClaimController(ClaimManagement claims, ClaimViews views, ClaimPages pages, Moves moves) {
        this.claims = claims;
        this.views = views;
        this.pages = pages;
        this.moves = moves;
    }

    // ------------------------------------------------------------------------------------------ filing

    @GetMapping("/buyer/orders/{orderId}/claims/new")
    String form(CurrentUser me, @PathVariable long orderId, @RequestParam ClaimType type, Model model) {
        ClaimForm form = formFor(orderId, type, me);
        model.addAttribute("claimForm", form);
        model.addAttribute("form", new FileClaimForm(null, null, "", "", new HashMap<>(),
                UUID.randomUUID().toString(), List.of()));
        return "buyer/claims/new";
    }

    @PostMapping("/buyer/orders/{orderId}/claims/new")
    String file(CurrentUser me, @PathVariable long orderId, @RequestParam ClaimType type,
            @Valid @ModelAttribute("form") FileClaimForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        ClaimForm claimForm = formFor(orderId, type, me);
        if (errors.hasFieldErrors("submissionKey")) {
            // a hidden field nobody types into: the form itself was altered
            errors.reject("input.form.unreadable");
        }
        if (!errors.hasErrors()) {
            Map<Long, Integer> units = new HashMap<>();
            if (form.units() != null) {
                form.units().forEach((line, n) -> {
                    if (line != null && n != null && n > 0) {
                        units.put(line, n);
                    }
                });
            }
            var amount = Amounts.parse(form.requestedAmount());
            if (form.requestedAmount() != null && !form.requestedAmount().isBlank() && amount == null) {
                errors.rejectValue("requestedAmount", "claim.form.error.amountFormat");
            } else {
                try {
                    long id = claims.file(new FileClaim(orderId, type, form.reason(), form.remedy(),
                            form.description(), units, amount, form.submissionKey(),
                            ClaimPages.uploads(form.evidence())), me);
                    moves.success(redirect, "claim.flash.filed");
                    return "redirect:/buyer/claims/" + id;
                } catch (DuplicateClaim e) {
                    model.addAttribute("duplicateClaimId", e.claimId());
                    model.addAttribute("duplicateClaimNumber", e.claimNumber());
                    moves.reject(errors, e);
                } catch (ClaimNotAllowed e) {
                    String field = e.field() != null && e.field().startsWith("units") ? "units" : e.field();
                    moves.reject(errors, Refusal.of(field, e.messageKey(), e.args()), null, FORM_FIELDS);
                } catch (InvalidEvidence e) {
                    moves.reject(errors, e, "evidence", List.of());
                }
            }
        }
        model.addAttribute("claimForm", claimForm);
        return "buyer/claims/new";
    }

    private ClaimForm formFor(long orderId, ClaimType type, CurrentUser me) {
        if (!type.filedByBuyer()) {
            throw new NotFound("Claim type", type);
        }
        return claims.form(orderId, type, me);
    }

    // ------------------------------------------------------------------------------------------ following

    @GetMapping("/buyer/claims")
    String list(CurrentUser me, @RequestParam(required = false) String after,
            @RequestParam(required = false) String before, Model model) {
        model.addAttribute("claims", views.buyerClaims(me.accountId(), Keyset.Request.of(after, before, PAGE_SIZE)));
        return "buyer/claims/list";
    }

    @GetMapping("/buyer/claims/{id}")
    String detail(CurrentUser me, @PathVariable long id, Model model) {
        model.addAttribute("claim", views.detail(id, me));
        model.addAttribute("carriers", Carrier.values());
        return "buyer/claims/detail";
    }

    // ------------------------------------------------------------------------------------------ moves

    @PostMapping("/buyer/claims/{id}/accept-proposal")
    String acceptProposal(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long version,
            RedirectAttributes redirect) {
        pages.move(redirect, "claim.flash.proposalAccepted", () -> claims.acceptProposal(id, me, version));
        return back(id);
    }

    @PostMapping("/buyer/claims/{id}/reject-proposal")
    String rejectProposal(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long version,
            @Size(max = InputLimits.TEXT) @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        pages.move(redirect, "claim.flash.proposalRejected", () -> claims.rejectProposal(id, me, version, reason));
        return back(id);
    }

    @PostMapping("/buyer/claims/{id}/return")
    String shipReturn(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long version,
            @RequestParam(required = false) Carrier carrier, @Size(max = InputLimits.TRACKING_NUMBER) @RequestParam(defaultValue = "") String trackingNumber,
            RedirectAttributes redirect) {
        if (carrier == null || trackingNumber.isBlank()) {
            moves.refuse(carrier == null ? "carrier" : "trackingNumber", "claim.error.tracking");
            return back(id);
        }
        pages.move(redirect, "claim.flash.returnShipped",
                () -> claims.shipReturn(id, me, version, carrier, trackingNumber));
        return back(id);
    }

    @PostMapping("/buyer/claims/{id}/received")
    String confirmReceived(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long version,
            RedirectAttributes redirect) {
        pages.move(redirect, "claim.flash.received", () -> claims.confirmReceived(id, me, version));
        return back(id);
    }

    @PostMapping("/buyer/claims/{id}/withdraw")
    String withdraw(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long version,
            @Size(max = InputLimits.TEXT) @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        pages.move(redirect, "claim.flash.withdrawn", () -> claims.withdraw(id, me, version, reason));
        return back(id);
    }

    @PostMapping("/buyer/claims/{id}/escalate")
    String escalate(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long version,
            @Size(max = InputLimits.TEXT) @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        pages.move(redirect, "claim.flash.escalated", () -> claims.escalate(id, me, version, reason));
        return back(id);
    }

    @PostMapping("/buyer/claims/{id}/messages")
    String message(CurrentUser me, @PathVariable long id, @Size(max = InputLimits.TEXT) @RequestParam(defaultValue = "") String body,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
        pages.move(redirect, "claim.flash.messageSent",
                () -> claims.addMessage(id, me, body, ClaimPages.uploads(files)));
        return back(id);
    }

    private static String back(long id) {
        return "redirect:/buyer/claims/" + id;
    }

    /**
     * The claim form as submitted.
     *
     * @param units           units per order line id
     * @param requestedAmount a partial amount in yuan (refund-only), blank for the full value
     * @param submissionKey   one key per form shown: submitting it twice files one claim
     */
    record FileClaimForm(@NotNull ClaimReason reason, @NotNull Remedy remedy,
            @Size(max = InputLimits.TEXT) String description, @Size(max = InputLimits.AMOUNT_CHARS) String requestedAmount, Map<Long, Integer> units, @Size(max = 80) String submissionKey,
            List<MultipartFile> evidence) {
    }
}
