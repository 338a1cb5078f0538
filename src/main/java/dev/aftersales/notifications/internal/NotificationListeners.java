package dev.aftersales.notifications.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.aftersales.claims.ClaimsTransitioned;
import dev.aftersales.arbitration.AgentDecided;
import dev.aftersales.arbitration.ArbitrationManagement;
import dev.aftersales.claims.ClaimTransitioned;
import dev.aftersales.claims.Party;
import dev.aftersales.identity.AccountManagement;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.ordering.OrderCancelled;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.payments.MovementKind;
import dev.aftersales.payments.PaymentExecuted;
import dev.aftersales.shared.MessageArgs;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.NoticeRequested;

/**
 * The events that tell people something, each turned into a notice. Run from the event publication registry after
 * the publishing transaction commits, in a transaction of their own, and republished until they succeed: the
 * notice's key makes a second run tell nobody again.
 */
@Component
class NotificationListeners {

    private static final Logger log = LoggerFactory.getLogger(NotificationListeners.class);

    private final NotificationWriter writer;
    private final AccountManagement accounts;
    private final OrderManagement orders;
    private final ArbitrationManagement arbitration;

    NotificationListeners(NotificationWriter writer, AccountManagement accounts, OrderManagement orders,
            ArbitrationManagement arbitration) {
        this.writer = writer;
        this.accounts = accounts;
        this.orders = orders;
        this.arbitration = arbitration;
    }

    @ApplicationModuleListener
    void on(ClaimTransitioned move) {
        tell(move, new Lookups());
    }

    /** A chunk of moves: each as if it had come alone, in one transaction, each account and shop looked up once. */
    @ApplicationModuleListener
    void on(ClaimsTransitioned moves) {
        Lookups lookups = new Lookups();
        moves.byShop().forEach(move -> tell(move, lookups));
    }

    private void tell(ClaimTransitioned move, Lookups lookups) {
        ClaimNotices.Plan plan = ClaimNotices.plan(move);
        if (plan == null) {
            return;
        }
        List<String> args = ClaimNotices.args(move);
        if (plan.buyerCode() != null && !Objects.equals(move.actorId(), move.buyerId())) {
            writer.write(new Notice(ClaimNotices.key(move), plan.buyerCode(), args, plan.urgent(),
                    List.of(new Notice.Recipient(move.buyerId(), ClaimNotices.buyerLink(move.claimId())))),
                    lookups::accountsById);
        }
        if (plan.sellerCode() != null) {
            String link = ClaimNotices.sellerLink(move.claimId());
            List<Notice.Recipient> staff = lookups.staffOf(move.shopId()).stream()
                    .filter(id -> move.actorId() == null || id.longValue() != move.actorId())
                    .map(id -> new Notice.Recipient(id, link)).toList();
            writer.write(new Notice(ClaimNotices.key(move), plan.sellerCode(), args, plan.urgent(), staff),
                    lookups::accountsById);
        }
        tellHoldingAgent(move, args);
    }

    /** The accounts and shop staff the notices of one event, or one chunk of events, are sent to: each read once. */
    private final class Lookups {

        private final Map<Long, UserAccount> accountsById = new HashMap<>();
        private final Map<Long, List<Long>> staffByShop = new HashMap<>();

        Map<Long, UserAccount> accountsById(Collection<Long> ids) {
            List<Long> missing = ids.stream().filter(id -> !accountsById.containsKey(id)).toList();
            if (!missing.isEmpty()) {
                accountsById.putAll(accounts.accountsById(missing));
            }
            Map<Long, UserAccount> found = new HashMap<>();
            ids.forEach(id -> {
                UserAccount account = accountsById.get(id);
                if (account != null) {
                    found.put(id, account);
                }
            });
            return found;
        }

        List<Long> staffOf(long shopId) {
            return staffByShop.computeIfAbsent(shopId,
                    shop -> accounts.activeSellersOf(shop).stream().map(UserAccount::id).toList());
        }
    }

    /**
     * A case an agent holds came back to them (evidence answered or timed out, an appeal filed): the holding agent
     * is told. Cases waiting in the queue tell nobody: the queue is where agents find them.
     */
    private void tellHoldingAgent(ClaimTransitioned move, List<String> args) {
        if (move.party() != Party.AGENT) {
            return;
        }
        arbitration.holderId(move.claimId())
                .filter(agentId -> !Objects.equals(move.actorId(), agentId))
                .ifPresent(agentId -> writer.write(new Notice(ClaimNotices.key(move), "notifications.claim.agent",
                        args, false, List.of(new Notice.Recipient(agentId, "/agent/cases/" + move.claimId())))));
    }

    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        writer.write(new Notice("order-cancelled:" + cancelled.orderId(), "notifications.order.cancelled",
                List.of(NoticeText.literal(cancelled.orderNumber()),
                        NoticeText.message("order.cancelled.short." + cancelled.reason().name()),
                        MessageArgs.money(cancelled.paid())),
                false, List.of(new Notice.Recipient(cancelled.buyerId(), "/buyer/orders/" + cancelled.orderId()))));
    }

    @ApplicationModuleListener
    void on(PaymentExecuted executed) {
        OrderDetails order = orders.details(executed.orderId());
        String link = executed.claimId() != null ? ClaimNotices.buyerLink(executed.claimId())
                : "/buyer/orders/" + executed.orderId();
        String code = executed.kind() == MovementKind.REFUND ? "notifications.payment.refund"
                : "notifications.payment.compensation";
        writer.write(new Notice("payment:" + executed.movementId(), code,
                List.of(MessageArgs.money(executed.amount()), NoticeText.literal(order.orderNumber())),
                true, List.of(new Notice.Recipient(order.buyerId(), link))));
    }

    @ApplicationModuleListener
    void on(AgentDecided decided) {
        List<Notice.Recipient> recipients = new ArrayList<>();
        recipients.add(new Notice.Recipient(decided.buyerId(), ClaimNotices.buyerLink(decided.claimId())));
        recipients.addAll(staff(decided.shopId(), ClaimNotices.sellerLink(decided.claimId())));
        String refund = decided.refundMinor() == null ? "" : MessageArgs.money(Money.fen(decided.refundMinor()));
        writer.write(new Notice("decision:" + decided.claimId() + ":" + decided.appeal() + ":" + decided.at(),
                (decided.appeal() ? "notifications.decision.appeal" : "notifications.decision")
                        + (refund.isEmpty() ? "" : ".refund"),
                List.of(NoticeText.literal(decided.claimNumber()),
                        NoticeText.message("notifications.outcome." + decided.outcome().name()),
                        refund),
                false, recipients));
    }

    @ApplicationModuleListener
    void on(NoticeRequested requested) {
        if (requested.key() == null || requested.key().isBlank() || requested.messageCode() == null) {
            log.warn("A notice without a key or message code tells nobody: {}", requested);
            return;
        }
        List<Notice.Recipient> recipients = new ArrayList<>();
        if (requested.buyerId() != null) {
            recipients.add(new Notice.Recipient(requested.buyerId(), requested.link()));
        }
        if (requested.shopId() != null) {
            recipients.addAll(staff(requested.shopId(), requested.sellerLink()));
        }
        // texts are shown as they are; times, durations and amounts (MessageArgs) are written when the notice is read
        List<String> args = requested.args() == null ? List.of()
                : requested.args().stream().map(a -> Objects.toString(a, ""))
                        .map(a -> MessageArgs.isTyped(a) ? a : NoticeText.literal(a)).toList();
        writer.write(new Notice(requested.key(), requested.messageCode(), args, false, recipients));
    }

    /** Tells the party whose move it is that the claim's due time is near (the deadline reminder sweep). */
    int remind(long claimId, String claimNumber, Set<ClaimNotices.Side> sides, long buyerId, long shopId,
            Instant dueAt) {
        List<Notice.Recipient> recipients = new ArrayList<>();
        if (sides.contains(ClaimNotices.Side.BUYER)) {
            recipients.add(new Notice.Recipient(buyerId, ClaimNotices.buyerLink(claimId)));
        }
        if (sides.contains(ClaimNotices.Side.SELLER)) {
            recipients.addAll(staff(shopId, ClaimNotices.sellerLink(claimId)));
        }
        return writer.write(new Notice("deadline:" + claimId + ":" + dueAt, "notifications.claim.deadline",
                List.of(NoticeText.literal(claimNumber), MessageArgs.instant(dueAt)), true,
                recipients));
    }

    private List<Notice.Recipient> staff(long shopId, String link) {
        return accounts.activeSellersOf(shopId).stream().map(UserAccount::id)
                .map(id -> new Notice.Recipient(id, link)).toList();
    }
}
