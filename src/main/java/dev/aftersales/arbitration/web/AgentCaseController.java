package dev.aftersales.arbitration.web;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.aftersales.arbitration.ArbitrationManagement;
import dev.aftersales.arbitration.ArbitrationViews;
import dev.aftersales.arbitration.DecisionCommand;
import dev.aftersales.arbitration.DecisionOutcome;
import dev.aftersales.arbitration.PenaltyKind;
import dev.aftersales.catalog.CatalogManagement;
import dev.aftersales.claims.Party;
import dev.aftersales.payments.CostBearer;
import dev.aftersales.claims.SavedReplies;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.Refusal;
import dev.aftersales.shared.web.Amounts;
import dev.aftersales.shared.web.Moves;

/** The agent's workspace on one case: take or release it, ask for evidence, decide (or decide the appeal). */
@Controller
class AgentCaseController {

    private final SavedReplies savedReplies;

    private final ArbitrationManagement arbitration;
    private final ArbitrationViews views;
    private final Moves pages;
    private final CatalogManagement catalog;

    AgentCaseController(ArbitrationManagement arbitration, ArbitrationViews views, Moves pages,
            CatalogManagement catalog, SavedReplies savedReplies) {
        this.savedReplies = savedReplies;
        this.arbitration = arbitration;
        this.views = views;
        this.pages = pages;
        this.catalog = catalog;
    }

    @GetMapping("/agent/cases/{id}")
    String workspace(CurrentUser me, @PathVariable long id, Model model) {
        ArbitrationViews.Workspace ws = views.workspace(id, me);
        model.addAttribute("ws", ws);
        model.addAttribute("savedRepliesPage", "/agent/replies");
        model.addAttribute("savedReplies", savedReplies.filledFor(me, ws.claim()));
        model.addAttribute("outcomes", DecisionOutcome.values());
        model.addAttribute("bearers", CostBearer.values());
        model.addAttribute("penaltyKinds", PenaltyKind.values());
        if (!model.containsAttribute("decision")) {
            model.addAttribute("decision", DecisionForm.initial(ws));
        }
        if (!model.containsAttribute("evidence")) {
            model.addAttribute("evidence", new EvidenceForm(Party.BUYER, "",
                    EvidenceForm.hours(catalog.policyFor(ws.claim().shopId()).evidenceAnswer())));
        }
        return "agent/cases/workspace";
    }

    @PostMapping("/agent/cases/{id}/take")
    String take(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        pages.move(redirect, "arbitration.flash.taken", () -> arbitration.take(id, me));
        return back(id);
    }

    @PostMapping("/agent/cases/{id}/release")
    String release(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        if (pages.move(redirect, "arbitration.flash.released", () -> arbitration.release(id, me))) {
            return "redirect:/agent/queue";
        }
        return back(id);
    }

    @PostMapping("/agent/cases/{id}/evidence")
    String requestEvidence(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long version,
            @Valid @ModelAttribute("evidence") EvidenceForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                arbitration.requestEvidence(id, me, version, form.party(), form.request(),
                        Duration.ofHours(form.hours()));
                pages.success(redirect, "arbitration.flash.evidenceRequested");
                return back(id);
            } catch (RuntimeException e) {
                Refusal refusal = Moves.refusal(e);
                if (refusal == null) {
                    throw e;
                }
                pages.reject(errors, refusal, null, List.of());
            }
        }
        String page = workspace(me, id, model);
        ArbitrationViews.Workspace ws = (ArbitrationViews.Workspace) model.getAttribute("ws");
        if (!(ws.heldByMe() && ws.claim().status() == dev.aftersales.claims.ClaimStatus.AWAITING_AGENT)) {
            // the form is not on the page any more: say so instead of showing nothing
            model.addAttribute("flashError", "claim.flash.stale");
            model.addAttribute("flashErrorArgs", new Object[0]);
        }
        return page;
    }

    @PostMapping("/agent/cases/{id}/decide")
    String decide(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long version,
            @Valid @ModelAttribute("decision") DecisionForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        Money amount = Amounts.parse(form.amount());
        // a typed amount that cannot be read is refused even where the outcome would not use it: the agent must
        // not believe a value was taken that was not
        if (!errors.hasFieldErrors("amount") && amount == null && !Amounts.blank(form.amount())) {
            errors.rejectValue("amount", "arbitration.form.error.amountFormat");
        }
        if (!errors.hasFieldErrors("amount") && form.outcome() == DecisionOutcome.PARTIAL_REFUND
                && (amount == null || !amount.isPositive())) {
            errors.rejectValue("amount", "arbitration.form.error.amount");
        }
        if (!"UPHOLD".equals(form.choice()) && form.outcome() == null && !errors.hasFieldErrors("outcome")) {
            errors.rejectValue("outcome", "arbitration.form.error.outcome");
        }
        PenaltyKind penalty = null;
        if (form.penalty() != null && !form.penalty().isBlank()) {
            try {
                penalty = PenaltyKind.valueOf(form.penalty().strip());
            } catch (IllegalArgumentException unknown) {
                errors.rejectValue("penalty", "typeMismatch");
            }
        }
        Money deduction = Amounts.parse(form.deduction());
        if (!errors.hasFieldErrors("deduction") && deduction == null && !Amounts.blank(form.deduction())) {
            errors.rejectValue("deduction", "arbitration.form.error.amountFormat");
        } else if (penalty == PenaltyKind.DEPOSIT_DEDUCTION && (deduction == null || !deduction.isPositive())) {
            errors.rejectValue("deduction", "arbitration.form.error.deduction");
        }
        if (penalty != null && (form.penaltyReason() == null || form.penaltyReason().isBlank())) {
            errors.rejectValue("penaltyReason", "arbitration.form.error.penaltyReason");
        }
        if (!errors.hasErrors()) {
            try {
                DecisionOutcome outcome = "UPHOLD".equals(form.choice()) ? null : form.outcome();
                arbitration.decide(id, me, version, new DecisionCommand(outcome, amount, form.rationale(),
                        form.clause(), form.costBearer(), penalty, form.points() == null ? 0 : form.points(),
                        deduction, form.penaltyReason(), Boolean.TRUE.equals(form.flagBuyer()) ? form.flagReason() : null));
                pages.success(redirect, "arbitration.flash.decided");
                return back(id);
            } catch (RuntimeException e) {
                Refusal refusal = Moves.refusal(e);
                if (refusal == null) {
                    throw e;
                }
                // a clause the agent cannot cite is refused at the clause, every other reason above the form
                pages.reject(errors, refusal,
                        refusal.messageKey().startsWith("arbitration.refused.clause") ? "clause" : null, List.of());
            }
        }
        String page = workspace(me, id, model);
        if (!((ArbitrationViews.Workspace) model.getAttribute("ws")).canDecide()) {
            // the form is not on the page any more: say so instead of showing nothing
            model.addAttribute("flashError", "claim.flash.stale");
            model.addAttribute("flashErrorArgs", new Object[0]);
        }
        return page;
    }

    private static String back(long id) {
        return "redirect:/agent/cases/" + id;
    }

    /** The evidence request form; its time to answer starts at the policy's {@code evidence-answer}. */
    record EvidenceForm(@NotNull Party party, @NotBlank @Size(max = 2000) String request,
            @NotNull @Min(1) @Max(720) Integer hours) {

        /** A policy duration as the form's whole hours (rounded up, within the form's 1 to 720). */
        static int hours(Duration answer) {
            long minutes = answer.toMinutes();
            return (int) Math.max(1, Math.min(720, (minutes + 59) / 60));
        }
    }

    /**
     * The decision form.
     *
     * @param choice "UPHOLD" on appeal to keep the first decision, otherwise "DECIDE"
     * @param amount the partial refund in yuan
     */
    record DecisionForm(@Size(max = 16) String choice, DecisionOutcome outcome, @Size(max = 20) String amount,
            @NotBlank @Size(max = 2000) String rationale, @NotBlank @Size(max = 64) String clause,
            CostBearer costBearer, @Size(max = 32) String penalty, @Min(1) @Max(48) Integer points, @Size(max = 20) String deduction,
            @Size(max = 1000) String penaltyReason, Boolean flagBuyer, @Size(max = 1000) String flagReason) {

        static DecisionForm initial(ArbitrationViews.Workspace ws) {
            return new DecisionForm(ws.appeal() ? "UPHOLD" : "DECIDE", null, "", "", "", ws.defaultBearer(), "",
                    null, "", "", Boolean.FALSE, "");
        }
    }
}
