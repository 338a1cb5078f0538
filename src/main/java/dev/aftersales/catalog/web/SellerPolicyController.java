package dev.aftersales.catalog.web;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.aftersales.catalog.CatalogManagement;
import dev.aftersales.catalog.PolicyViolation;
import dev.aftersales.catalog.ShopPromises;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.web.Moves;

/**
 * A shop's after-sales policy: the platform's clocks and windows, and what the shop promises beyond them. A
 * promise looser toward buyers than the platform is refused next to its field.
 */
@Controller
@RequestMapping("/seller/policy")
class SellerPolicyController {

    private final CatalogManagement catalog;
    private final Moves moves;

    SellerPolicyController(CatalogManagement catalog, Moves moves) {
        this.catalog = catalog;
        this.moves = moves;
    }

    @GetMapping
    String show(CurrentUser me, Model model) {
        ShopPromises p = catalog.promisesOf(me.shopId());
        model.addAttribute("form", new PolicyForm(p.shipByHours(), p.firstResponseHours(), p.reshipmentHours(),
                p.missingItemWindowDays(), p.noReasonReturnDays(), p.qualityWindowDays(),
                p.fastTrackThresholdFen() == null ? null : Money.fen(p.fastTrackThresholdFen()).toDecimal()));
        return page(me, model);
    }

    @PostMapping
    String save(CurrentUser me, @Valid @ModelAttribute("form") PolicyForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            ShopPromises promises = new ShopPromises(form.shipByHours(), form.firstResponseHours(),
                    form.reshipmentHours(), form.missingItemWindowDays(), form.noReasonReturnDays(),
                    form.qualityWindowDays(), form.fastTrackThreshold() == null ? null
                            : Money.parse(form.fastTrackThreshold().toPlainString(), Money.CNY).minor());
            for (PolicyViolation violation : catalog.promise(me.shopId(), promises)) {
                moves.reject(errors, violation);
            }
            if (!errors.hasErrors()) {
                moves.success(redirect, "policy.saved");
                return "redirect:/seller/policy";
            }
        }
        return page(me, model);
    }

    private String page(CurrentUser me, Model model) {
        model.addAttribute("shop", catalog.shop(me.shopId()).name());
        model.addAttribute("platform", catalog.platformPolicy());
        model.addAttribute("effective", catalog.policyFor(me.shopId()));
        return "seller/policy";
    }

    /** The shop's promises; an empty field keeps the platform default. */
    record PolicyForm(Integer shipByHours, Integer firstResponseHours, Integer reshipmentHours,
            Integer missingItemWindowDays, Integer noReasonReturnDays, Integer qualityWindowDays,
            @DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal fastTrackThreshold) {
    }
}
