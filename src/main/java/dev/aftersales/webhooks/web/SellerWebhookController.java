package dev.aftersales.webhooks.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.aftersales.shared.web.Moves;
import dev.aftersales.webhooks.internal.WebhookManagement;

/** A shop's webhooks: endpoints that receive the shop's own events. */
@Controller
@RequestMapping(SellerWebhookController.BASE)
class SellerWebhookController extends WebhookPages {

    static final String BASE = "/seller/webhooks";

    SellerWebhookController(WebhookManagement webhooks, Moves moves) {
        super(webhooks, moves, BASE);
    }
}
