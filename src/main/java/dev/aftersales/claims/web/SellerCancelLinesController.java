package dev.aftersales.claims.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.aftersales.claims.CancelLines;
import dev.aftersales.claims.CancelLinesForm;
import dev.aftersales.claims.ClaimNotAllowed;
import dev.aftersales.claims.SystemCases;
import dev.aftersales.ordering.CancellationReason;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.web.Moves;

/**
 * The seller cancels units of an unshipped order's lines as delisted or out of stock, optionally offering a
 * substitute SKU: the buyer then chooses refund or substitute on the case.
 */
@Controller
@RequestMapping("/seller/orders/{id}/cancel-lines")
class SellerCancelLinesController {

    static final List<CancellationReason> REASONS = List.of(CancellationReason.OUT_OF_STOCK,
            CancellationReason.DELISTED);
    private static final List<String> FIELDS = List.of("units", "reason", "substituteSku", "note");

    private final SystemCases cases;
    private final ClaimPages pages;
    private final Moves moves;

    SellerCancelLinesController(SystemCases cases, ClaimPages pages, Moves moves) {
        this.cases = cases;
        this.pages = pages;
        this.moves = moves;
    }

    @ModelAttribute("reasons")
    List<CancellationReason> reasons() {
        return REASONS;
    }

    @GetMapping
    String form(CurrentUser me, @PathVariable long id, Model model) {
        model.addAttribute("page", cases.cancelLinesForm(id, me));
        model.addAttribute("form", new CancelLinesFormData(new HashMap<>(), null, "", ""));
        return "seller/orders/cancel-lines";
    }

    @PostMapping
    String cancel(CurrentUser me, @PathVariable long id, @Valid @ModelAttribute("form") CancelLinesFormData form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        CancelLinesForm page = cases.cancelLinesForm(id, me);
        if (!errors.hasErrors()) {
            Map<Long, Integer> units = new HashMap<>();
            if (form.units() != null) {
                form.units().forEach((line, n) -> {
                    if (line != null && n != null && n != 0) {
                        units.put(line, n);
                    }
                });
            }
            if (units.values().stream().anyMatch(n -> n < 0)) {
                errors.rejectValue("units", "watchers.cancel.error.negative");
            } else {
                try {
                    long claimId = cases.cancelLines(new CancelLines(id, units, form.reason(), form.substituteSku(),
                            form.note()), me);
                    moves.success(redirect, "watchers.flash.cancelled");
                    return "redirect:/seller/claims/" + claimId;
                } catch (ClaimNotAllowed e) {
                    moves.reject(errors, e, null, FIELDS);
                }
            }
        }
        model.addAttribute("page", page);
        return "seller/orders/cancel-lines";
    }

    /**
     * The cancel-lines form as submitted.
     *
     * @param units units to cancel per order line id
     */
    record CancelLinesFormData(Map<Long, Integer> units, @NotNull CancellationReason reason,
            @Size(max = 64) String substituteSku, @Size(max = 500) String note) {
    }
}
