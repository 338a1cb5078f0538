package dev.aftersales.claims;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.aftersales.claims.internal.Actor;
import dev.aftersales.claims.internal.ClaimMessage;
import dev.aftersales.claims.internal.EvidenceFile;
import dev.aftersales.claims.internal.EvidencePurpose;
import dev.aftersales.claims.internal.ClaimRepository;
import dev.aftersales.claims.internal.ClaimMessageRepository;
import dev.aftersales.claims.internal.EvidenceStore;
import dev.aftersales.catalog.CatalogManagement;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.ordering.OrderPageReads;
import dev.aftersales.payments.MovementKind;
import dev.aftersales.payments.MovementView;
import dev.aftersales.payments.PaymentManagement;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.CappedCount;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.NotFound;
import dev.aftersales.shared.Role;
import dev.aftersales.shared.web.Keyset;
import dev.aftersales.shipping.Carrier;
import dev.aftersales.shipping.ShipmentDirection;
import dev.aftersales.shipping.ShipmentView;
import dev.aftersales.shipping.ShippingManagement;

/**
 * Claims as buyers, sellers and the system move them. Each move loads the claim for the actor (someone else's claim
 * is "not found"), refuses a page drawn from an older version, lets the aggregate decide, and applies the money the
 * move needs in the same transaction.
 */
@Service
public class ClaimManagement {

    private final ClaimRepository claims;
    private final ClaimMessageRepository messages;
    private final EvidenceStore evidence;
    private final OrderManagement orders;
    private final ShippingManagement shipping;
    private final CatalogManagement catalog;
    private final PaymentManagement payments;
    private final ClaimFiling filing;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ClaimLedger ledger;
    private final EntityManager em;

    ClaimManagement(ClaimRepository claims, ClaimMessageRepository messages, EvidenceStore evidence,
            OrderManagement orders, ShippingManagement shipping, CatalogManagement catalog,
            PaymentManagement payments, ClaimFiling filing, Clock clock, PlatformTransactionManager transactionManager,
            ClaimLedger ledger, EntityManager em) {
        this.em = em;
        this.claims = claims;
        this.messages = messages;
        this.evidence = evidence;
        this.orders = orders;
        this.shipping = shipping;
        this.catalog = catalog;
        this.payments = payments;
        this.filing = filing;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactionManager);
        this.ledger = ledger;
    }

    // ------------------------------------------------------------------------------------------ filing

    /** Which claim types the buyer may file for the order now, and why not the others ({@link ClaimFiling}). */
    public List<Availability> availability(long orderId, CurrentUser buyer) {
        return filing.availability(orderId, buyer);
    }

    /** The same for the order a page shows, its facts read once for the page ({@link ClaimFiling}). */
    public List<Availability> availability(OrderDetails order, CurrentUser buyer, OrderPageReads page) {
        return filing.availability(order, buyer, page);
    }

    /** The form for one claim type ({@link ClaimFiling}). */
    public ClaimForm form(long orderId, ClaimType type, CurrentUser buyer) {
        return filing.form(orderId, type, buyer);
    }

    /**
     * Files a buyer's claim ({@link ClaimFiling#file}): every rule of {@link FilingPolicy} is checked; a refusal
     * names its rule.
     *
     * @return the claim's id
     */
    public long file(FileClaim command, CurrentUser buyer) {
        return filing.file(command, buyer);
    }

    OrderFacts facts(OrderDetails order) {
        return filing.facts(order);
    }

    /** The carrier's weight of the outbound parcels, if every one of them was weighed. */
    static Integer measured(List<ShipmentView> parcels) {
        return ClaimFiling.measured(parcels);
    }

    // ------------------------------------------------------------------------------------------ seller moves

    @Transactional
    public void accept(long claimId, CurrentUser seller, Long expectedVersion) {
        Claim claim = forSeller(claimId, seller, expectedVersion);
        claim.accept(Actor.of(seller), clockOf(claim), clock.instant());
        save(claim, Actor.of(seller));
    }

    @Transactional
    public void propose(long claimId, CurrentUser seller, Long expectedVersion, Remedy alternative, Money amount,
            String note) {
        Claim claim = forSeller(claimId, seller, expectedVersion);
        claim.propose(Actor.of(seller), alternative, amount, note, clockOf(claim), clock.instant());
        save(claim, Actor.of(seller));
    }

    @Transactional
    public void reject(long claimId, CurrentUser seller, Long expectedVersion, String why,
            List<EvidenceUpload> files) {
        Claim claim = forSeller(claimId, seller, expectedVersion);
        List<EvidenceStore.Checked> checked = evidence.check(files);
        claim.reject(Actor.of(seller), why, clockOf(claim), clock.instant());
        evidence.store(claim.id(), null, EvidencePurpose.REJECTION, Actor.of(seller), checked);
        save(claim, Actor.of(seller));
    }

    /** The seller ships the missing units (or the exchange's replacement) and enters the tracking number. */
    @Transactional
    public void reship(long claimId, CurrentUser seller, Long expectedVersion, Carrier carrier,
            String trackingNumber) {
        Claim claim = forSeller(claimId, seller, expectedVersion);
        claim.check(ClaimAction.RESHIP);
        ShipmentView parcel = shipping.registerLeg(claim.orderId(), ShipmentDirection.RESHIPMENT, carrier,
                trackingNumber, "SELLER", claim.id());
        claim.reshipped(Actor.of(seller), parcel.id(), parcel.trackingNumber(), clockOf(claim), clock.instant());
        save(claim, Actor.of(seller));
    }

    @Transactional
    public void confirmReturn(long claimId, CurrentUser seller, Long expectedVersion, InspectionResult result,
            String note, Money offeredRefund, List<EvidenceUpload> photos) {
        Claim claim = forSeller(claimId, seller, expectedVersion);
        List<EvidenceStore.Checked> checked = evidence.check(photos);
        claim.confirmReturn(Actor.of(seller), result, note, offeredRefund, clockOf(claim), clock.instant());
        evidence.store(claim.id(), null, EvidencePurpose.INSPECTION, Actor.of(seller), checked);
        save(claim, Actor.of(seller));
    }

    // ------------------------------------------------------------------------------------------ buyer moves

    @Transactional
    public void acceptProposal(long claimId, CurrentUser buyer, Long expectedVersion) {
        Claim claim = forBuyer(claimId, buyer, expectedVersion);
        claim.acceptProposal(Actor.of(buyer), clockOf(claim), clock.instant());
        save(claim, Actor.of(buyer));
    }

    @Transactional
    public void rejectProposal(long claimId, CurrentUser buyer, Long expectedVersion, String why) {
        Claim claim = forBuyer(claimId, buyer, expectedVersion);
        claim.rejectProposal(Actor.of(buyer), why, clockOf(claim), clock.instant());
        save(claim, Actor.of(buyer));
    }

    /** The buyer ships the return and enters its tracking number. */
    @Transactional
    public void shipReturn(long claimId, CurrentUser buyer, Long expectedVersion, Carrier carrier,
            String trackingNumber) {
        Claim claim = forBuyer(claimId, buyer, expectedVersion);
        claim.check(ClaimAction.SHIP_RETURN);
        ShipmentView parcel = shipping.registerLeg(claim.orderId(), ShipmentDirection.RETURN, carrier,
                trackingNumber, "BUYER", claim.id());
        claim.returnShipped(Actor.of(buyer), parcel.id(), parcel.trackingNumber(), clockOf(claim), clock.instant());
        save(claim, Actor.of(buyer));
    }

    @Transactional
    public void confirmReceived(long claimId, CurrentUser buyer, Long expectedVersion) {
        Claim claim = forBuyer(claimId, buyer, expectedVersion);
        claim.confirmReceived(Actor.of(buyer), clock.instant());
        save(claim, Actor.of(buyer));
    }

    @Transactional
    public void withdraw(long claimId, CurrentUser buyer, Long expectedVersion, String why) {
        Claim claim = forBuyer(claimId, buyer, expectedVersion);
        claim.withdraw(Actor.of(buyer), blankToNull(why), clock.instant());
        save(claim, Actor.of(buyer));
    }

    /** The buyer or the seller asks the platform to step in. */
    @Transactional
    public void escalate(long claimId, CurrentUser party, Long expectedVersion, String why) {
        Claim claim = party.role() == Role.BUYER ? forBuyer(claimId, party, expectedVersion)
                : forSeller(claimId, party, expectedVersion);
        claim.escalate(Actor.of(party), why, clockOf(claim), clock.instant());
        save(claim, Actor.of(party));
    }

    // ------------------------------------------------------------------------------------------ messages

    /** A message (and files) from a party of the claim or an agent, while the claim is open. */
    @Transactional
    public void addMessage(long claimId, CurrentUser author, String body, List<EvidenceUpload> files) {
        Claim claim = visible(claimId, author);
        claim.check(ClaimAction.MESSAGE);
        String text = body == null ? "" : body.strip();
        List<EvidenceStore.Checked> checked = evidence.check(files);
        if (text.isEmpty() && checked.isEmpty()) {
            throw new ClaimNotAllowed("body", "claim.message.error.empty");
        }
        if (text.length() > ClaimMessage.MAX_LENGTH) {
            throw new ClaimNotAllowed("body", "claim.message.error.length", ClaimMessage.MAX_LENGTH);
        }
        Actor actor = Actor.of(author);
        ClaimMessage message = messages.saveAndFlush(new ClaimMessage(claim.id(), actor,
                text.isEmpty() ? "—" : text, clock.instant()));
        claims.touch(claim.id(), message.sentAt());
        evidence.store(claim.id(), message.id(), EvidencePurpose.MESSAGE, actor, checked);
    }

    // ------------------------------------------------------------------------------------------ reading

    @Transactional(readOnly = true)
    public Claim claim(long claimId, CurrentUser viewer) {
        return visible(claimId, viewer);
    }

    /** The id of the seller's shop's claim with this number; another shop's claim is not found. */
    @Transactional(readOnly = true)
    public long shopClaimId(String claimNumber, CurrentUser seller) {
        if (seller == null || seller.shopId() == null || claimNumber == null) {
            throw new NotFound("Claim", claimNumber);
        }
        return claims.findIdByNumberAndShop(claimNumber, seller.shopId())
                .orElseThrow(() -> new NotFound("Claim", claimNumber));
    }

    /**
     * The seller's shop's claims that changed after a position (time, then id) and no later than {@code until}, in
     * that order, at most {@code limit}; {@code statuses} empty means every status.
     */
    @Transactional(readOnly = true)
    public List<Claim> shopFeed(CurrentUser seller, Instant afterAt, long afterId, Instant until,
            Collection<ClaimStatus> statuses, int limit) {
        if (seller == null || seller.shopId() == null) {
            throw new NotFound("Shop", 0);
        }
        List<String> names = statuses.isEmpty() ? List.of("-") : statuses.stream().map(Enum::name).toList();
        return claims.feed(seller.shopId(), afterAt, afterId, until, statuses.isEmpty(), names, limit);
    }

    private static final List<Keyset.Part> TIME_AND_ID = List.of(Keyset.Part.TIME, Keyset.Part.NUMBER);

    /** A buyer's claims, newest first, one keyset page (see docs/pages.md, "Paging"). */
    @Transactional(readOnly = true)
    public Keyset.Window<Claim> buyerClaims(long buyerId, Keyset.Request request) {
        return Keyset.fetch(em, Claim.class, "select c from Claim c where c.buyerId = :buyerId",
                Map.of("buyerId", buyerId), List.of("c.createdAt", "c.id"), TIME_AND_ID, true, request,
                c -> List.of(c.createdAt(), c.id()));
    }

    /**
     * The shop's claims waiting for its seller, soonest due first, one keyset page. Every claim waiting for a party
     * has a due time (the "ball in court" promise), which the position is made of.
     */
    @Transactional(readOnly = true)
    public Keyset.Window<Claim> sellerQueue(long shopId, Keyset.Request request) {
        return Keyset.fetch(em, Claim.class, "select c from Claim c where c.shopId = :shopId"
                + " and c.partyToAct in (dev.aftersales.claims.Party.SELLER, dev.aftersales.claims.Party.BOTH)",
                Map.of("shopId", shopId), List.of("c.dueAt", "c.id"), TIME_AND_ID, false, request,
                c -> Arrays.asList(c.dueAt(), c.id()));
    }

    @Transactional(readOnly = true)
    public Page<Claim> shopClaims(long shopId, Collection<ClaimStatus> statuses, Pageable pageable) {
        return claims.pageForShop(shopId, statuses, pageable);
    }

    /**
     * How many of the shop's claims are in each status, each counted up to {@link CappedCount#CAP} + 1 in one
     * statement, so that a shop with 40,000 claims costs what one with 40 does (a count over the cap is shown as
     * "1,000+"). Each status is written into the statement, so that PostgreSQL plans each count with that status's
     * own statistics: from the {@code (shop_id, status)} index for a rare status, and for a common one by whichever
     * read reaches the cap first. Statuses without claims are left out.
     */
    @Transactional(readOnly = true)
    public Map<ClaimStatus, CappedCount> countsForShop(long shopId) {
        String sql = Arrays.stream(ClaimStatus.values()).map(s -> "select '" + s.name() + "', (select count(*) from"
                + " (select 1 from claims c where c.shop_id = :shopId and c.status = '" + s.name()
                + "' limit :limit) capped)").collect(java.util.stream.Collectors.joining(" union all "));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter("shopId", shopId)
                .setParameter("limit", CappedCount.CAP + 1).getResultList();
        Map<ClaimStatus, CappedCount> counts = new EnumMap<>(ClaimStatus.class);
        for (Object[] row : rows) {
            long n = ((Number) row[1]).longValue();
            if (n > 0) {
                counts.put(ClaimStatus.valueOf((String) row[0]), CappedCount.of(n));
            }
        }
        return counts;
    }

    @Transactional(readOnly = true)
    public List<Claim> claimsOfOrder(long orderId) {
        return claims.findByOrderIdOrderByCreatedAtAsc(orderId);
    }

    @Transactional(readOnly = true)
    public List<Claim> claimsOfOrders(Collection<Long> orderIds) {
        return orderIds.isEmpty() ? List.of() : claims.findByOrderIds(orderIds);
    }

    /** An evidence file's metadata and bytes, if the viewer may see the claim it belongs to. */
    @Transactional(readOnly = true)
    public EvidenceDownload download(long evidenceId, CurrentUser viewer) {
        EvidenceFile file = evidence.file(evidenceId).orElseThrow(() -> new NotFound("Evidence", evidenceId));
        visible(file.claimId(), viewer);
        return new EvidenceDownload(file.fileName(), file.contentType(), evidence.content(file.id()));
    }

    /** A downloadable file. */
    public record EvidenceDownload(String fileName, String contentType, byte[] bytes) {
    }

    // ------------------------------------------------------------------------------------------ system

    /**
     * Applies the consequence of the claim's passed deadline, in its own transaction, if no other node is working on
     * the claim ({@code FOR UPDATE SKIP LOCKED}) and the deadline is still passed.
     *
     * @return whether a consequence was applied
     * @throws DeadlineFailed when the consequence could not be applied
     */
    boolean applyDeadline(long claimId, Instant now) {
        try {
            return Boolean.TRUE.equals(tx.execute(status -> {
                // the order's lock first, then the claim's, as every move takes them; an order or a claim someone
                // is working on right now is left for the next pass
                Optional<Long> orderId = claims.orderIdOf(claimId);
                if (orderId.isEmpty() || !orders.tryLock(orderId.get()) || claims.lockIfDue(claimId, now).isEmpty()) {
                    return false;
                }
                Claim claim = claims.findById(claimId).orElseThrow();
                claim.onDeadline(clockOf(claim), now);
                save(claim, Actor.SYSTEM);
                return true;
            }));
        } catch (RuntimeException e) {
            throw new DeadlineFailed(claimId, e);
        }
    }

    /** A deadline's consequence failed for this claim. */
    static class DeadlineFailed extends RuntimeException {

        final long claimId;

        DeadlineFailed(long claimId, Throwable cause) {
            super("Deadline of claim " + claimId + " failed: " + cause.getMessage(), cause);
            this.claimId = claimId;
        }
    }

    /**
     * When a deadline's consequence cannot be applied (e.g. the refund would exceed what is left on the order),
     * the claim goes to a platform agent instead of waiting forever.
     */
    void escalateStuck(long claimId, String rule) {
        tx.executeWithoutResult(status -> {
            lockOrderOf(claimId);
            Claim claim = claims.findLocked(claimId).orElseThrow();
            if (claim.status().isOpen() && claim.status() != ClaimStatus.AWAITING_AGENT) {
                claim.escalateBySystem(rule, clockOf(claim), clock.instant());
                save(claim, Actor.SYSTEM);
            }
        });
    }

    @Transactional
    void onReturnDelivered(long claimId, Instant at) {
        lockOrderOf(claimId);
        claims.findLocked(claimId).ifPresent(claim -> {
            claim.returnDelivered(at, clockOf(claim));
            save(claim, Actor.CARRIER);
        });
    }

    @Transactional
    void onReshipmentDelivered(long claimId, Instant at) {
        lockOrderOf(claimId);
        claims.findLocked(claimId).ifPresent(claim -> {
            claim.reshipmentDelivered(at);
            save(claim, Actor.CARRIER);
        });
    }

    /** The provider confirmed a refund of the claim; confirming it again (a resubmitted event) changes nothing. */
    @Transactional
    void onRefundPaid(long claimId, Money amount, Instant at) {
        lockOrderOf(claimId);
        claims.findLocked(claimId).ifPresent(claim -> {
            claim.refundPaid(amount, confirmedRefunds(claim), at);
            save(claim, Actor.SYSTEM);
        });
    }

    /** What the provider confirmed of the claim's refunds, net of the reversals it confirmed. */
    Money confirmedRefunds(Claim claim) {
        long net = 0;
        for (MovementView m : payments.movementsOfClaim(claim.id())) {
            if (m.succeeded() && m.kind() == MovementKind.REFUND) {
                net = Math.addExact(net, m.amount().minor());
            } else if (m.succeeded() && m.kind() == MovementKind.REVERSAL) {
                net -= m.amount().minor();
            }
        }
        return new Money(net, claim.requestedAmount().currency());
    }

    /**
     * Takes the lock of the claim's order (see {@link OrderManagement#lock(long)}) before the claim is read for a
     * move: every move of the order's claims, and every change of its money, waits for the one before it.
     *
     * @throws NotFound when there is no such claim
     */
    void lockOrderOf(long claimId) {
        orders.lock(claims.orderIdOf(claimId).orElseThrow(() -> new NotFound("Claim", claimId)));
    }

    // ------------------------------------------------------------------------------------------ mechanics

    ClaimClock clockOf(Claim claim) {
        return ClaimClock.of(catalog.policyFor(claim.shopId()));
    }

    /** Saves the claim with the money its moves asked for ({@link ClaimLedger}). */
    private void save(Claim claim, Actor actor) {
        ledger.save(claim, actor);
    }

    private Claim visible(long claimId, CurrentUser viewer) {
        Claim claim = claims.findById(claimId).orElseThrow(() -> new NotFound("Claim", claimId));
        if (viewer == null || !(viewer.isPlatformStaff() || viewer.isBuyer(claim.buyerId())
                || viewer.isSellerOf(claim.shopId()))) {
            throw new NotFound("Claim", claimId);
        }
        return claim;
    }

    private Claim forBuyer(long claimId, CurrentUser buyer, Long expectedVersion) {
        lockOrderOf(claimId);
        Claim claim = claims.findById(claimId).orElseThrow(() -> new NotFound("Claim", claimId));
        if (!buyer.isBuyer(claim.buyerId())) {
            throw new NotFound("Claim", claimId);
        }
        return current(claim, expectedVersion);
    }

    private Claim forSeller(long claimId, CurrentUser seller, Long expectedVersion) {
        lockOrderOf(claimId);
        Claim claim = claims.findById(claimId).orElseThrow(() -> new NotFound("Claim", claimId));
        if (!seller.isSellerOf(claim.shopId())) {
            throw new NotFound("Claim", claimId);
        }
        return current(claim, expectedVersion);
    }

    private static Claim current(Claim claim, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != claim.version()) {
            throw new ClaimChanged();
        }
        return claim;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
