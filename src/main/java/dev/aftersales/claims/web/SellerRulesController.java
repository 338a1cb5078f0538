package dev.aftersales.claims.web;

import java.time.Instant;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.aftersales.claims.ClaimNotAllowed;
import dev.aftersales.claims.ShopRuleKind;
import dev.aftersales.claims.ShopRules;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.web.Amounts;
import dev.aftersales.shared.web.Moves;

/** The shop's after-sales automation rules: what each does, how often it fired, a new one, on and off. */
@Controller
@RequestMapping("/seller/rules")
class SellerRulesController {

    private final ShopRules rules;
    private final Moves moves;

    SellerRulesController(ShopRules rules, Moves moves) {
        this.rules = rules;
        this.moves = moves;
    }

    @ModelAttribute("kinds")
    ShopRuleKind[] kinds() {
        return ShopRuleKind.values();
    }

    @GetMapping
    String list(CurrentUser me, Model model) {
        model.addAttribute("rules", rules.rulesOf(me).stream()
                .map(r -> new RuleRow(r.id(), r.name(), r.kind(),
                        r.maxAmountFen() == null ? null : Money.fen(r.maxAmountFen()), r.replyText(), r.active(),
                        r.firedCount(), r.lastFiredAt()))
                .toList());
        model.addAttribute("placeholders", String.join(" ", ShopRules.placeholders()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new RuleForm("", null, "", ""));
        }
        return "seller/rules";
    }

    @PostMapping
    String create(CurrentUser me, @ModelAttribute("form") RuleForm form, Model model, RedirectAttributes redirect) {
        BindingResult errors = new BeanPropertyBindingResult(form, "form");
        ShopRuleKind kind = form.chosenKind();
        Money amount = Amounts.parse(form.maxAmount());
        if (kind == ShopRuleKind.ACCEPT_SMALL_REFUND && amount == null) {
            errors.rejectValue("maxAmount", "rules.error.amount");
        } else {
            try {
                rules.create(me, form.name(), kind, amount, form.replyText());
                moves.success(redirect, "rules.created");
                return "redirect:/seller/rules";
            } catch (ClaimNotAllowed refused) {
                moves.reject(errors, refused);
            }
        }
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
        return list(me, model);
    }

    @PostMapping("/{id}/switch")
    String switchRule(CurrentUser me, @PathVariable long id, @RequestParam(defaultValue = "false") boolean on,
            RedirectAttributes redirect) {
        rules.switchRule(id, me, on);
        moves.success(redirect, on ? "rules.switchedOn" : "rules.switchedOff");
        return "redirect:/seller/rules";
    }

    /** One rule in the list. */
    record RuleRow(long id, String name, ShopRuleKind kind, Money maxAmount, String replyText, boolean active,
            long firedCount, Instant lastFiredAt) {
    }

    /** The new-rule form; the amount as typed, in yuan; a kind that is none counts as not chosen. */
    record RuleForm(String name, String kind, String maxAmount, String replyText) {

        ShopRuleKind chosenKind() {
            for (ShopRuleKind known : ShopRuleKind.values()) {
                if (known.name().equals(kind)) {
                    return known;
                }
            }
            return null;
        }
    }
}
