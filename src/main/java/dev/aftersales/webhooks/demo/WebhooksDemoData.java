package dev.aftersales.webhooks.demo;

import java.util.Arrays;

import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import dev.aftersales.identity.AccountManagement;
import dev.aftersales.shared.demo.DemoDataStep;
import dev.aftersales.webhooks.internal.WebhookEventType;
import dev.aftersales.webhooks.internal.WebhookManagement;

/**
 * The demo shop of {@code seller} (Sunny Orchard) has one endpoint, for every event, at the desk's own
 * {@link DemoWebhookReceiver}: registered before the demo's claims are filed, so the seller's webhook page shows
 * their deliveries once the sender has run (within seconds of the start). The address names the port the desk
 * listens on at its first start.
 */
@Component
@Profile("demo")
class WebhooksDemoData implements DemoDataStep {

    private final AccountManagement accounts;
    private final WebhookManagement webhooks;
    private final Environment environment;

    WebhooksDemoData(AccountManagement accounts, WebhookManagement webhooks, Environment environment) {
        this.accounts = accounts;
        this.webhooks = webhooks;
        this.environment = environment;
    }

    @Override
    public int order() {
        return 150; // after the shops and accounts (100), before the claims (200)
    }

    @Override
    public String name() {
        return "webhooks";
    }

    @Override
    public void load() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        accounts.byUsername("seller").ifPresent(seller -> webhooks.register(seller.toCurrentUser(),
                "http://localhost:" + port + DemoWebhookReceiver.PATH,
                Arrays.stream(WebhookEventType.values()).map(WebhookEventType::wireName).toList()));
    }
}
