package dev.aftersales.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.aftersales.support.DemoDataTest;
import dev.aftersales.support.MutableClock;

/**
 * The demo shop's endpoint points at the demo's own receiver: once the sender runs, its deliveries are delivered
 * (the receiver checked each signature); a forged delivery is refused by the receiver, not by the sign-in or CSRF.
 */
class WebhookDemoIntegrationTests extends DemoDataTest {

    @Autowired
    WebhookSender sender;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    @Test
    void theDemoShopsDeliveriesReachTheDemosOwnReceiver() throws Exception {
        sender.sendDue();

        List<Map<String, Object>> rows = jdbc.sql("""
                select d.status, d.last_status_code, d.event_type from webhook_deliveries d
                join webhook_endpoints e on e.id = d.endpoint_id
                join user_accounts a on a.shop_id = e.shop_id and a.username = 'seller'""").query().listOfRows();
        assertThat(rows).isNotEmpty();
        assertThat(rows).extracting(r -> r.get("event_type")).contains("claim.filed");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("status")).isEqualTo("DELIVERED");
            assertThat(r.get("last_status_code")).isEqualTo(204);
        });

        String body = "{\"id\":\"forged\",\"type\":\"claim.filed\"}";
        long now = clock.instant().getEpochSecond();
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://localhost:" + port + "/demo/webhook-receiver"))
                .header("Content-Type", "application/json")
                .header(WebhookSignature.DELIVERY_HEADER, "forged")
                .header(WebhookSignature.EVENT_HEADER, "claim.filed")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(now))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign("whsec_guessed", now, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(401);
    }
}
