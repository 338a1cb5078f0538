package dev.aftersales.identity.web;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.aftersales.identity.ApiScope;
import dev.aftersales.identity.SellerApiKeys;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.web.Moves;

/**
 * The shop's API keys for its own systems: create one (its value shown once), see them all with their scopes, revoke
 * one. See {@code docs/seller-api.md}.
 */
@Controller
@RequestMapping("/seller/api-keys")
class SellerApiKeyController {

    private final SellerApiKeys keys;
    private final Moves moves;

    SellerApiKeyController(SellerApiKeys keys, Moves moves) {
        this.keys = keys;
        this.moves = moves;
    }

    @ModelAttribute("scopes")
    ApiScope[] scopes() {
        return ApiScope.values();
    }

    @GetMapping
    String list(CurrentUser me, Model model) {
        model.addAttribute("keys", keys.keysOf(me).stream()
                .map(k -> new KeyRow(k.id(), k.name(), k.keyPrefix(), k.scopes(), k.createdAt(), k.revokedAt()))
                .toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new KeyForm("", List.of(ApiScope.CLAIMS_READ.name())));
        }
        return "seller/api-keys";
    }

    @PostMapping
    String create(CurrentUser me, @ModelAttribute("form") KeyForm form, Model model, RedirectAttributes redirect) {
        try {
            var issued = keys.create(me, form.name(), form.chosen());
            redirect.addFlashAttribute("issuedKey", issued.value());
            redirect.addFlashAttribute("issuedName", issued.key().name());
            return "redirect:/seller/api-keys";
        } catch (SellerApiKeys.Refused refused) {
            BindingResult errors = new BeanPropertyBindingResult(form, "form");
            moves.reject(errors, refused);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
            return list(me, model);
        }
    }

    @PostMapping("/{id}/revoke")
    String revoke(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        keys.revoke(id, me);
        moves.success(redirect, "seller.apiKeys.revoked");
        return "redirect:/seller/api-keys";
    }

    /** One key in the list. */
    record KeyRow(long id, String name, String keyPrefix, Set<ApiScope> scopes, Instant createdAt,
            Instant revokedAt) {
    }

    /** The new-key form; the scopes as sent, a name that is not a scope counts as none chosen. */
    record KeyForm(String name, List<String> scopes) {

        Set<ApiScope> chosen() {
            Set<ApiScope> chosen = EnumSet.noneOf(ApiScope.class);
            for (String scope : scopes == null ? List.<String>of() : scopes) {
                for (ApiScope known : ApiScope.values()) {
                    if (known.name().equals(scope)) {
                        chosen.add(known);
                    }
                }
            }
            long sent = scopes == null ? 0 : scopes.stream().distinct().count();
            return chosen.size() == sent ? chosen : Set.of();
        }
    }
}
