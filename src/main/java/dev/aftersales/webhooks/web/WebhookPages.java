package dev.aftersales.webhooks.web;

import java.util.Arrays;
import java.util.List;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.web.InputText;
import dev.aftersales.shared.web.Moves;
import dev.aftersales.webhooks.internal.InvalidEndpoint;
import dev.aftersales.webhooks.internal.WebhookEventType;
import dev.aftersales.webhooks.internal.WebhookManagement;
import dev.aftersales.webhooks.internal.WebhookManagement.IssuedSecret;

/**
 * The webhook pages of one owner (a seller's shop, or the platform): register an endpoint (its secret shown once),
 * rotate its secret, disable or enable it, read its deliveries and deliver one again. A refused address or choice
 * of events comes back with the reason next to its field (422).
 */
abstract class WebhookPages {

    /** How many of each endpoint's newest deliveries the main page lists. */
    static final int RECENT = 10;

    private final WebhookManagement webhooks;
    private final Moves moves;
    private final String base;

    WebhookPages(WebhookManagement webhooks, Moves moves, String base) {
        this.webhooks = webhooks;
        this.moves = moves;
        this.base = base;
    }

    @GetMapping
    String list(CurrentUser me, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new EndpointForm("", List.of()));
        }
        model.addAttribute("endpoints", webhooks.endpoints(me, RECENT));
        model.addAttribute("eventTypes", Arrays.stream(WebhookEventType.values()).map(WebhookEventType::wireName)
                .toList());
        model.addAttribute("base", base);
        model.addAttribute("platform", me.shopId() == null);
        return "webhooks/list";
    }

    @PostMapping
    String register(CurrentUser me, @ModelAttribute("form") EndpointForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        try {
            IssuedSecret issued = webhooks.register(me, InputText.clean(form.url()), form.eventTypes());
            shown(redirect, issued);
            moves.success(redirect, "webhooks.registered");
            return "redirect:" + base;
        } catch (InvalidEndpoint refused) {
            // what was typed comes back, an address far past its limit only in part
            String url = form.url() == null ? "" : form.url();
            EndpointForm shown = new EndpointForm(url.length() > 2 * WebhookManagement.MAX_URL
                    ? url.substring(0, 2 * WebhookManagement.MAX_URL) : url, form.eventTypes());
            BindingResult result = new DirectFieldBindingResult(shown, "form");
            moves.reject(result, refused);
            model.addAttribute("form", shown);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
            return list(me, model);
        }
    }

    @PostMapping("/{id}/rotate")
    String rotate(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        shown(redirect, webhooks.rotate(me, id));
        moves.success(redirect, "webhooks.rotated");
        return "redirect:" + base;
    }

    @PostMapping("/{id}/disable")
    String disable(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        webhooks.activate(me, id, false);
        moves.success(redirect, "webhooks.disabled");
        return "redirect:" + base;
    }

    @PostMapping("/{id}/enable")
    String enable(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        webhooks.activate(me, id, true);
        moves.success(redirect, "webhooks.enabled");
        return "redirect:" + base;
    }

    @GetMapping("/{id}/deliveries")
    String deliveries(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long before,
            Model model) {
        var endpoint = webhooks.endpoint(me, id);
        var rows = webhooks.deliveries(me, id, before);
        model.addAttribute("endpoint", endpoint);
        model.addAttribute("deliveries", rows);
        model.addAttribute("older", rows.size() == WebhookManagement.PAGE ? rows.get(rows.size() - 1).id() : null);
        model.addAttribute("base", base);
        return "webhooks/deliveries";
    }

    @PostMapping("/deliveries/{deliveryId}/redeliver")
    String redeliver(CurrentUser me, @PathVariable long deliveryId, RedirectAttributes redirect) {
        try {
            webhooks.redeliver(me, deliveryId);
            moves.success(redirect, "webhooks.redelivery.queued");
        } catch (WebhookManagement.RedeliveryRefused pending) {
            moves.failure(redirect, "webhooks.redelivery.pending");
        }
        return "redirect:" + base;
    }

    private static void shown(RedirectAttributes redirect, IssuedSecret issued) {
        redirect.addFlashAttribute("issuedSecret", issued.secret());
        redirect.addFlashAttribute("issuedUrl", issued.url());
    }

    /** The new-endpoint form: the address and the chosen event types (their wire names). */
    record EndpointForm(String url, List<String> eventTypes) {

        EndpointForm {
            eventTypes = eventTypes == null ? List.of() : eventTypes;
        }
    }
}
