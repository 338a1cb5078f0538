package dev.aftersales.webhooks.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.aftersales.shared.web.Moves;
import dev.aftersales.webhooks.internal.WebhookManagement;

/** The platform's webhooks: endpoints of the platform's own integrations, receiving every shop's events. */
@Controller
@RequestMapping(AdminWebhookController.BASE)
class AdminWebhookController extends WebhookPages {

    static final String BASE = "/admin/webhooks";

    AdminWebhookController(WebhookManagement webhooks, Moves moves) {
        super(webhooks, moves, BASE);
    }
}
