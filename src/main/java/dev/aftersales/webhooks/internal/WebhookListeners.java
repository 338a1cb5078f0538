package dev.aftersales.webhooks.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.aftersales.claims.ClaimsTransitioned;
import dev.aftersales.arbitration.AgentDecided;
import dev.aftersales.claims.Claim;
import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.ClaimTransitioned;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.ordering.CancellationReason;
import dev.aftersales.ordering.OrderCancelled;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.payments.PaymentExecuted;

/**
 * Turns the other modules' events into webhook events (docs/webhooks.md#events). Run from the event publication
 * registry after the publishing transaction commits, each in a transaction of its own, and resubmitted until it
 * succeeds; the event's key keeps a second run from writing a second delivery.
 */
@Component
class WebhookListeners {

    /** The statuses in which the platform has the claim: moving between them is not a new escalation. */
    private static final Set<ClaimStatus> WITH_THE_PLATFORM = Set.of(ClaimStatus.AWAITING_AGENT,
            ClaimStatus.AWAITING_EVIDENCE);

    private final WebhookOutbox outbox;
    private final ClaimManagement claims;
    private final OrderManagement orders;

    WebhookListeners(WebhookOutbox outbox, ClaimManagement claims, OrderManagement orders) {
        this.outbox = outbox;
        this.claims = claims;
        this.orders = orders;
    }

    /** Which webhook event a claim's move is ({@code null}: none, another event tells of it). */
    static WebhookEventType typeOf(ClaimTransitioned move) {
        String action = move.action();
        boolean decision = action.startsWith("DECIDED_") || action.startsWith("APPEAL_DECIDED_");
        boolean ended = !move.to().isOpen() && (move.from() == null || move.from().isOpen());
        if ("FILED".equals(action) || "OPENED".equals(action)) {
            return move.type() == ClaimType.NO_TRACKING ? WebhookEventType.NO_TRACKING_OPENED
                    : WebhookEventType.CLAIM_FILED;
        }
        if (ended) {
            return WebhookEventType.CLAIM_CLOSED;
        }
        if (decision) {
            return null; // claim.decided, from the agent's decision with its outcome
        }
        if (move.to() == ClaimStatus.AWAITING_AGENT && move.from() != null
                && !WITH_THE_PLATFORM.contains(move.from())) {
            return WebhookEventType.CLAIM_ESCALATED;
        }
        return WebhookEventType.CLAIM_MOVED;
    }

    @ApplicationModuleListener
    void on(ClaimTransitioned move) {
        WebhookEventType type = typeOf(move);
        if (type == null || !outbox.wanted(move.shopId(), type)) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("claimId", move.claimId());
        data.put("claimNumber", move.claimNumber());
        data.put("claimType", move.type().name());
        data.put("orderId", move.orderId());
        data.put("orderNumber", claim(move.orderId(), move.claimId()).map(Claim::orderNumber).orElse(null));
        data.put("action", move.action());
        data.put("from", move.from() == null ? null : move.from().name());
        data.put("status", move.to().name());
        data.put("ballInCourt", move.party() == null ? null : move.party().name());
        data.put("dueAt", text(move.dueAt()));
        data.put("actor", move.actorRole() == null ? null : move.actorRole().name());
        data.put("rule", move.rule());
        data.put("amountFen", move.amountMinor());
        outbox.enqueue(new WebhookEvent("claim:" + move.claimId() + ":" + move.action() + ":" + move.to() + ":"
                + move.at(), type, move.shopId(), claimKey(move.claimId()), move.at(), data));
    }

    /** A chunk of moves: each as if it had come alone, in one transaction. */
    @ApplicationModuleListener
    void on(ClaimsTransitioned moves) {
        moves.byShop().forEach(this::on);
    }

    @ApplicationModuleListener
    void on(AgentDecided decided) {
        if (!outbox.wanted(decided.shopId(), WebhookEventType.CLAIM_DECIDED)) {
            return;
        }
        Optional<Claim> claim = claim(decided.orderId(), decided.claimId());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("claimId", decided.claimId());
        data.put("claimNumber", decided.claimNumber());
        data.put("orderId", decided.orderId());
        data.put("orderNumber", claim.map(Claim::orderNumber).orElse(null));
        data.put("outcome", decided.outcome().name());
        data.put("appeal", decided.appeal());
        data.put("sellerAtFault", decided.sellerAtFault());
        data.put("costBearer", decided.costBearer() == null ? null : decided.costBearer().name());
        data.put("refundFen", decided.refundMinor());
        data.put("clause", decided.clause());
        data.put("status", claim.map(c -> c.status().name()).orElse(null));
        data.put("ballInCourt", claim.map(c -> c.partyToAct() == null ? null : c.partyToAct().name()).orElse(null));
        data.put("dueAt", claim.map(c -> text(c.dueAt())).orElse(null));
        outbox.enqueue(new WebhookEvent("decided:claim:" + decided.claimId() + ":" + decided.appeal() + ":"
                + decided.at(), WebhookEventType.CLAIM_DECIDED, decided.shopId(), claimKey(decided.claimId()),
                decided.at(), data));
    }

    @ApplicationModuleListener
    void on(PaymentExecuted paid) {
        if (paid.claimId() == null) {
            return;
        }
        OrderDetails order = orders.details(paid.orderId());
        if (!outbox.wanted(order.shopId(), WebhookEventType.CLAIM_REFUNDED)) {
            return;
        }
        Optional<Claim> claim = claim(paid.orderId(), paid.claimId());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("claimId", paid.claimId());
        data.put("claimNumber", claim.map(Claim::claimNumber).orElse(null));
        data.put("orderId", paid.orderId());
        data.put("orderNumber", order.orderNumber());
        data.put("kind", paid.kind().name());
        data.put("amountFen", paid.amount().minor());
        data.put("currency", paid.amount().currency().getCurrencyCode());
        data.put("costBearer", paid.costBearer() == null ? null : paid.costBearer().name());
        data.put("reason", paid.reason());
        data.put("status", claim.map(c -> c.status().name()).orElse(null));
        outbox.enqueue(new WebhookEvent("payment:" + paid.movementId(), WebhookEventType.CLAIM_REFUNDED,
                order.shopId(), claimKey(paid.claimId()), paid.executedAt(), data));
    }

    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        if (cancelled.reason() != CancellationReason.OVERSOLD) {
            return; // the storefront's own cancellations are known to it; the platform's are news to the shop
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", cancelled.orderId());
        data.put("orderNumber", cancelled.orderNumber());
        data.put("reason", cancelled.reason().name());
        data.put("note", cancelled.note());
        data.put("paidFen", cancelled.paid() == null ? null : cancelled.paid().minor());
        data.put("currency", cancelled.paid() == null ? null : cancelled.paid().currency().getCurrencyCode());
        outbox.enqueue(new WebhookEvent("order-cancelled:" + cancelled.orderId(), WebhookEventType.ORDER_CANCELLED,
                cancelled.shopId(), "order:" + cancelled.orderId(), cancelled.cancelledAt(), data));
    }

    private Optional<Claim> claim(long orderId, long claimId) {
        return claims.claimsOfOrder(orderId).stream().filter(c -> c.id() == claimId).findFirst();
    }

    static String claimKey(long claimId) {
        return "claim:" + claimId;
    }

    static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
