package dev.aftersales.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.aftersales.claims.ActorRole;
import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.ClaimTransitioned;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.Party;

/** The address rule, the signature, the backoff and which webhook event each claim move is. */
class WebhookRulesTests {

    @Test
    void acceptsHttpsAnywhereAndPlainHttpOnlyToThisMachine() {
        assertThat(WebhookManagement.checkUrl(" https://erp.example.com/aftersales?shop=1 "))
                .isEqualTo("https://erp.example.com/aftersales?shop=1");
        assertThat(WebhookManagement.checkUrl("http://localhost:8080/hook")).isEqualTo("http://localhost:8080/hook");
        assertThat(WebhookManagement.checkUrl("http://127.0.0.1:9000/hook")).isEqualTo("http://127.0.0.1:9000/hook");
        refused("http://erp.example.com/hook", "webhooks.error.url.https");
        refused("http://10.0.0.5/hook", "webhooks.error.url.https");
        refused("http://localhost.example.com/hook", "webhooks.error.url.https");
        refused("ftp://erp.example.com/hook", "webhooks.error.url.format");
        refused("https://user:pass@erp.example.com/hook", "webhooks.error.url.format");
        refused("https://erp.example.com/hook#part", "webhooks.error.url.format");
        refused("erp.example.com/hook", "webhooks.error.url.format");
        refused("https:///hook", "webhooks.error.url.format");
        refused("https://exa mple.com", "webhooks.error.url.format");
        refused("   ", "webhooks.error.url.required");
        refused("https://erp.example.com/" + "a".repeat(500), "webhooks.error.url.length");
    }

    @Test
    void refusesAnEmptyOrUnknownChoiceOfEvents() {
        assertThat(WebhookManagement.checkTypes(List.of("claim.filed", "order.cancelled")))
                .containsExactlyInAnyOrder(WebhookEventType.CLAIM_FILED, WebhookEventType.ORDER_CANCELLED);
        assertThatThrownBy(() -> WebhookManagement.checkTypes(List.of()))
                .isInstanceOfSatisfying(InvalidEndpoint.class, e -> assertThat(e.field()).isEqualTo("eventTypes"));
        assertThatThrownBy(() -> WebhookManagement.checkTypes(List.of("claim.filed", "CLAIM_FILED")))
                .isInstanceOf(InvalidEndpoint.class);
    }

    @Test
    void theSignatureIsTheHmacOfTimestampDotBodyAndRefusesTamperingAndOldTimestamps() {
        String body = "{\"id\":\"x\",\"type\":\"claim.filed\"}";
        // openssl: printf '%s' '1700000000.{"id":"x","type":"claim.filed"}' | openssl dgst -sha256 -hmac whsec_test
        assertThat(WebhookSignature.sign("whsec_test", 1_700_000_000L, body))
                .isEqualTo("v1=d20a4dca0acef9f31906ecb6ccd71588049bf309cc311e7a6b3f46dd3ddc63ba");
        String signature = WebhookSignature.sign("whsec_test", 1_700_000_000L, body);
        assertThat(WebhookSignature.verify("whsec_test", "1700000000", body, signature, 1_700_000_100L, 300))
                .isTrue();
        assertThat(WebhookSignature.verify("whsec_other", "1700000000", body, signature, 1_700_000_100L, 300))
                .isFalse();
        assertThat(WebhookSignature.verify("whsec_test", "1700000000", body + " ", signature, 1_700_000_100L, 300))
                .isFalse();
        assertThat(WebhookSignature.verify("whsec_test", "1700000001", body, signature, 1_700_000_100L, 300))
                .isFalse();
        assertThat(WebhookSignature.verify("whsec_test", "1700000000", body, signature, 1_700_000_301L, 300))
                .as("a replay after five minutes").isFalse();
        assertThat(WebhookSignature.verify("whsec_test", "soon", body, signature, 1_700_000_100L, 300)).isFalse();
    }

    @Test
    void backoffDoublesFromOneMinuteUpToTheCap() {
        WebhookSettings settings = new WebhookSettings();
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 30).stream().map(settings::backoffAfter).toList())
                .containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                        Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32), Duration.ofHours(1),
                        Duration.ofHours(1));
    }

    @Test
    void eachClaimMoveIsOneWebhookEvent() {
        assertThat(type("FILED", null, ClaimStatus.AWAITING_SELLER, ClaimType.MISSING_ITEM))
                .isEqualTo(WebhookEventType.CLAIM_FILED);
        assertThat(type("OPENED", null, ClaimStatus.AWAITING_BUYER_CHOICE, ClaimType.DELISTED))
                .isEqualTo(WebhookEventType.CLAIM_FILED);
        assertThat(type("OPENED", null, ClaimStatus.AWAITING_TRACKING, ClaimType.NO_TRACKING))
                .isEqualTo(WebhookEventType.NO_TRACKING_OPENED);
        assertThat(type("REJECTED", ClaimStatus.AWAITING_SELLER, ClaimStatus.REJECTED_BY_SELLER,
                ClaimType.MISSING_ITEM)).isEqualTo(WebhookEventType.CLAIM_MOVED);
        assertThat(type("ESCALATED", ClaimStatus.REJECTED_BY_SELLER, ClaimStatus.AWAITING_AGENT,
                ClaimType.MISSING_ITEM)).isEqualTo(WebhookEventType.CLAIM_ESCALATED);
        assertThat(type("AUTO_ESCALATED", ClaimStatus.AWAITING_RETURN_CONFIRMATION, ClaimStatus.AWAITING_AGENT,
                ClaimType.RETURN_REFUND)).isEqualTo(WebhookEventType.CLAIM_ESCALATED);
        assertThat(type("EVIDENCE_ANSWERED", ClaimStatus.AWAITING_EVIDENCE, ClaimStatus.AWAITING_AGENT,
                ClaimType.MISSING_ITEM)).isEqualTo(WebhookEventType.CLAIM_MOVED);
        assertThat(type("DECIDED_FULL_REFUND", ClaimStatus.AWAITING_AGENT, ClaimStatus.DECIDED,
                ClaimType.MISSING_ITEM)).as("claim.decided comes from the agent's decision").isNull();
        assertThat(type("APPEAL_DECIDED_FULL_REFUND", ClaimStatus.AWAITING_AGENT, ClaimStatus.CLOSED,
                ClaimType.MISSING_ITEM)).isEqualTo(WebhookEventType.CLAIM_CLOSED);
        assertThat(type("REFUND_PAID", ClaimStatus.REFUND_PENDING, ClaimStatus.RESOLVED, ClaimType.MISSING_ITEM))
                .isEqualTo(WebhookEventType.CLAIM_CLOSED);
        assertThat(type("WITHDRAWN", ClaimStatus.REJECTED_BY_SELLER, ClaimStatus.WITHDRAWN,
                ClaimType.MISSING_ITEM)).isEqualTo(WebhookEventType.CLAIM_CLOSED);
    }

    private static WebhookEventType type(String action, ClaimStatus from, ClaimStatus to, ClaimType type) {
        return WebhookListeners.typeOf(new ClaimTransitioned(1, "C1", 2, 3, 4, type, action, from, to,
                ActorRole.SYSTEM, null, Party.NONE, null, Instant.EPOCH, null, null));
    }

    private static void refused(String url, String key) {
        assertThatThrownBy(() -> WebhookManagement.checkUrl(url)).as(url)
                .isInstanceOfSatisfying(InvalidEndpoint.class, e -> {
                    assertThat(e.field()).isEqualTo("url");
                    assertThat(e.messageKey()).isEqualTo(key);
                });
    }
}
