package dev.aftersales.webhooks.demo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.aftersales.webhooks.internal.WebhookManagement;
import dev.aftersales.webhooks.internal.WebhookSignature;

/**
 * The demo's own webhook receiver (demo profile only; no sign-in, no CSRF token): checks each delivery as a shop's
 * system should (signature, timestamp within five minutes, delivery id not seen before), logs the event and answers
 * 204; a bad signature or an old timestamp gets 401, a repeated delivery id 200 without logging it again.
 */
@RestController
@Profile("demo")
class DemoWebhookReceiver {

    static final String PATH = "/demo/webhook-receiver";

    private static final Logger log = LoggerFactory.getLogger(DemoWebhookReceiver.class);
    private static final long TOLERANCE_SECONDS = 300;

    private final WebhookManagement webhooks;
    private final Set<String> seen = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<String, Boolean>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > 10_000;
                }
            }));

    DemoWebhookReceiver(WebhookManagement webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping(PATH)
    ResponseEntity<Void> receive(HttpServletRequest request, @RequestBody String body,
            @RequestHeader(name = WebhookSignature.DELIVERY_HEADER, required = false) String delivery,
            @RequestHeader(name = WebhookSignature.EVENT_HEADER, required = false) String event,
            @RequestHeader(name = WebhookSignature.TIMESTAMP_HEADER, required = false) String timestamp,
            @RequestHeader(name = WebhookSignature.SIGNATURE_HEADER, required = false) String signature) {
        String url = request.getRequestURL().toString();
        if (!webhooks.signedForEndpointAt(url, timestamp, body, signature, TOLERANCE_SECONDS)) {
            log.warn("Demo webhook receiver: refused delivery {} ({}): bad signature or old timestamp", delivery,
                    event);
            return ResponseEntity.status(401).build();
        }
        if (delivery == null || !seen.add(delivery)) {
            return ResponseEntity.ok().build();
        }
        log.info("Demo webhook receiver: {} {} {}", event, delivery, body);
        return ResponseEntity.noContent().build();
    }
}
