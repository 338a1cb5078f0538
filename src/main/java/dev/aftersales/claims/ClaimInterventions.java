package dev.aftersales.claims;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.aftersales.claims.internal.Actor;
import dev.aftersales.claims.internal.EvidencePurpose;
import dev.aftersales.claims.internal.ClaimRepository;
import dev.aftersales.claims.internal.EvidenceStore;
import dev.aftersales.catalog.CatalogManagement;
import dev.aftersales.payments.CostBearer;
import dev.aftersales.payments.PaymentManagement;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.NotFound;
import dev.aftersales.shared.Role;
import dev.aftersales.shared.web.Keyset;

/**
 * Platform intervention as the arbitration module (and the parties answering it) drive it: evidence requests and
 * answers, rulings with their money, appeals, the review mark, and the escalated claims the agent queue and the
 * oversight dashboard read. Assignment (who works on a case) is arbitration's own business, not the claim's.
 */
@Service
public class ClaimInterventions {

    /** The statuses in which a claim is with the platform (the agent queue). */
    public static final List<ClaimStatus> WITH_PLATFORM = List.of(ClaimStatus.AWAITING_AGENT,
            ClaimStatus.AWAITING_EVIDENCE);

    private final ClaimRepository claims;
    private final EvidenceStore evidence;
    private final PaymentManagement payments;
    private final ClaimManagement management;
    private final ClaimLedger ledger;
    private final CatalogManagement catalog;
    private final EntityManager em;
    private final Clock clock;

    ClaimInterventions(ClaimRepository claims, EvidenceStore evidence, PaymentManagement payments,
            CatalogManagement catalog, EntityManager em, Clock clock, ClaimManagement management,
            ClaimLedger ledger) {
        this.management = management;
        this.ledger = ledger;
        this.claims = claims;
        this.evidence = evidence;
        this.payments = payments;
        this.catalog = catalog;
        this.em = em;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------ agent moves

    /** The agent asks a party (or both) for evidence by {@code due}. */
    @Transactional
    public void requestEvidence(long claimId, CurrentUser agent, Long expectedVersion, Party from, String what,
            Instant due) {
        Claim claim = forAgent(claimId, agent, expectedVersion);
        claim.requestEvidence(Actor.of(agent), from, what, due, clock.instant());
        save(claim, Actor.of(agent));
    }

    /**
     * The agent rules (on appeal: finally). Money goes through the ledger in the same transaction.
     *
     * @return what the ruling did, for arbitration's decision ledger
     */
    @Transactional
    public RulingApplied decide(long claimId, CurrentUser agent, Long expectedVersion, Ruling ruling, Money amount,
            String rationale, String clause, CostBearer bearer) {
        Claim claim = forAgent(claimId, agent, expectedVersion);
        boolean appeal = claim.appeal().by() != null;
        Instant due = claim.dueAt();
        Instant now = clock.instant();
        long moved = claim.decide(Actor.of(agent), ruling, amount, rationale, clause, bearer,
                payments.refundable(claim.orderId()), clockOf(claim), now);
        save(claim, Actor.of(agent));
        return new RulingApplied(claim.id(), claim.claimNumber(), claim.orderId(), claim.shopId(), claim.buyerId(),
                claim.type(), appeal, ruling, claim.decisionAmount(), new Money(moved, claim.requestedAmount()
                        .currency()), due, now, claim.status(), claim.version());
    }

    /** What a ruling did to the claim. */
    public record RulingApplied(long claimId, String claimNumber, long orderId, long shopId, long buyerId,
            ClaimType type, boolean appeal, Ruling ruling, Money refund, Money moved, Instant dueAt,
            Instant decidedAt, ClaimStatus status, long version) {

        public boolean withinSla() {
            return dueAt == null || !decidedAt.isAfter(dueAt);
        }
    }

    /**
     * Marks the claim for an agent's review with the reason; the agent queue's "needs review" filter selects these.
     * The risk module calls this at filing for buyers whose return-abuse verdict is "review".
     */
    @Transactional
    public void markForReview(long claimId, String reason) {
        management.lockOrderOf(claimId);
        Claim claim = claims.findById(claimId).orElseThrow(() -> new NotFound("Claim", claimId));
        claim.markForReview(reason, clock.instant());
        save(claim, Actor.SYSTEM);
    }

    // ------------------------------------------------------------------------------------------ party moves

    /** The buyer or a seller of the shop answers the evidence request, with text and files. */
    @Transactional
    public void answerEvidence(long claimId, CurrentUser party, Long expectedVersion, String text,
            List<EvidenceUpload> files) {
        Claim claim = forParty(claimId, party, expectedVersion);
        List<EvidenceStore.Checked> checked = evidence.check(files);
        claim.answerEvidence(Actor.of(party), text, clockOf(claim), clock.instant());
        evidence.store(claim.id(), null, EvidencePurpose.EVIDENCE_ANSWER, Actor.of(party), checked);
        save(claim, Actor.of(party));
    }

    /** The buyer or a seller of the shop appeals the decision, with a statement and files. */
    @Transactional
    public void appeal(long claimId, CurrentUser party, Long expectedVersion, String statement,
            List<EvidenceUpload> files) {
        Claim claim = forParty(claimId, party, expectedVersion);
        List<EvidenceStore.Checked> checked = evidence.check(files);
        claim.appeal(Actor.of(party), statement, clockOf(claim), clock.instant());
        evidence.store(claim.id(), null, EvidencePurpose.APPEAL, Actor.of(party), checked);
        save(claim, Actor.of(party));
    }

    // ------------------------------------------------------------------------------------------ reading

    /** A claim for platform staff. */
    @Transactional(readOnly = true)
    public Claim claim(long claimId) {
        return claims.findById(claimId).orElseThrow(() -> new NotFound("Claim", claimId));
    }

    /** Where the queue's counts stop: above it the page says "more than 1,000" rather than count every row. */
    public static final int QUEUE_COUNT_CAP = 1000;

    /** {@link #WITH_PLATFORM} written out, so the statement names the statuses of the queue's partial indexes. */
    private static final String QUEUE_WITH_PLATFORM = " where c.status in ("
            + "dev.aftersales.claims.ClaimStatus.AWAITING_AGENT, dev.aftersales.claims.ClaimStatus.AWAITING_EVIDENCE)";

    /**
     * The claims with the platform matching the filter, soonest due first, then the largest amount, one keyset page.
     * The position is the due time, the amount negated (so the whole key runs one way) and the id; every claim with
     * the platform has a due time.
     */
    @Transactional(readOnly = true)
    public Keyset.Window<Claim> queue(QueueFilter filter, Keyset.Request request) {
        StringBuilder where = new StringBuilder(QUEUE_WITH_PLATFORM);
        Map<String, Object> params = new LinkedHashMap<>();
        filter.apply(where, params, clock.instant());
        return Keyset.fetch(em, Claim.class, "select c from Claim c" + where, params,
                List.of("c.dueAt", "-c.requestedAmountMinor", "c.id"),
                List.of(Keyset.Part.TIME, Keyset.Part.NUMBER, Keyset.Part.NUMBER), false, request,
                c -> java.util.Arrays.asList(c.dueAt(), -c.requestedAmount().minor(), c.id()));
    }

    /**
     * How many claims with the platform match the filter, counted up to {@link #QUEUE_COUNT_CAP} + 1 (reading at most
     * that many index entries), so a long queue costs no more than a short one.
     */
    @Transactional(readOnly = true)
    public long queueCountCapped(QueueFilter filter) {
        StringBuilder where = new StringBuilder(QUEUE_WITH_PLATFORM);
        Map<String, Object> params = new LinkedHashMap<>();
        filter.apply(where, params, clock.instant());
        TypedQuery<Long> ids = em.createQuery("select c.id from Claim c" + where, Long.class);
        params.forEach(ids::setParameter);
        return ids.setMaxResults(QUEUE_COUNT_CAP + 1).getResultList().size();
    }

    /** How many claims with the platform each filter would show (on top of the other filters: none). */
    @Transactional(readOnly = true)
    public QueueCounts queueCounts() {
        Instant now = clock.instant();
        List<QueueRow> rows = em.createQuery("""
                select new dev.aftersales.claims.ClaimInterventions$QueueRow(c.type, c.shopId, count(c),
                       sum(case when c.dueAt <= :now then 1 else 0 end),
                       sum(case when c.reviewReason is not null then 1 else 0 end))
                from Claim c where c.status in :statuses group by c.type, c.shopId""", QueueRow.class)
                .setParameter("statuses", WITH_PLATFORM).setParameter("now", now).getResultList();
        Map<ClaimType, Long> byType = new LinkedHashMap<>();
        Map<Long, Long> byShop = new LinkedHashMap<>();
        long all = 0;
        long breached = 0;
        long review = 0;
        for (QueueRow r : rows) {
            byType.merge(r.type(), r.count(), Long::sum);
            byShop.merge(r.shopId(), r.count(), Long::sum);
            all += r.count();
            breached += r.breached() == null ? 0 : r.breached();
            review += r.needsReview() == null ? 0 : r.needsReview();
        }
        return new QueueCounts(all, breached, review, byType, byShop);
    }

    /** One type and shop of the queue: how many claims, how many past their due time, how many marked for review. */
    record QueueRow(ClaimType type, long shopId, long count, Long breached, Long needsReview) {
    }

    /** Counts of the queue's filters. */
    public record QueueCounts(long all, long breached, long needsReview, Map<ClaimType, Long> byType,
            Map<Long, Long> byShop) {
    }

    /** Open claims by type and status (the oversight dashboard). */
    @Transactional(readOnly = true)
    public List<OpenCount> openByTypeAndStatus() {
        return em.createQuery("""
                select new dev.aftersales.claims.ClaimInterventions$OpenCount(c.type, c.status, count(c)) from Claim c
                where c.status not in :ended group by c.type, c.status order by c.type, c.status""", OpenCount.class)
                .setParameter("ended", List.of(ClaimStatus.RESOLVED, ClaimStatus.WITHDRAWN, ClaimStatus.CLOSED))
                .getResultList();
    }

    /** How many open claims of a type are in a status. */
    public record OpenCount(ClaimType type, ClaimStatus status, long count) {
    }

    /** Shops by how many of their claims were escalated to the platform, most first. */
    @Transactional(readOnly = true)
    public List<ShopCount> topShopsByEscalations(int limit) {
        return em.createQuery("""
                select new dev.aftersales.claims.ClaimInterventions$ShopCount(c.shopId, count(distinct c.id))
                from Claim c join c.timeline t
                where t.toStatus = dev.aftersales.claims.ClaimStatus.AWAITING_AGENT
                  and t.action in (dev.aftersales.claims.TimelineAction.ESCALATED,
                                   dev.aftersales.claims.TimelineAction.AUTO_ESCALATED)
                group by c.shopId order by count(distinct c.id) desc, c.shopId""", ShopCount.class)
                .setMaxResults(limit).getResultList();
    }

    /** A shop and a number. */
    public record ShopCount(long shopId, long count) {
    }

    /** A buyer's claims by status and how they ended (the workspace's history panel). */
    @Transactional(readOnly = true)
    public PartyRecord buyerRecord(long buyerId) {
        return record("c.buyerId = :id", buyerId);
    }

    /** A shop's claims by status and how they ended (the workspace's shop panel). */
    @Transactional(readOnly = true)
    public PartyRecord shopRecord(long shopId) {
        return record("c.shopId = :id", shopId);
    }

    private PartyRecord record(String condition, long id) {
        List<PartyRow> rows = em.createQuery("select new dev.aftersales.claims.ClaimInterventions$PartyRow(c.status,"
                + " c.outcome, count(c), sum(case when c.decision.at is not null then 1 else 0 end)) from Claim c"
                + " where " + condition + " group by c.status, c.outcome", PartyRow.class)
                .setParameter("id", id).getResultList();
        long total = 0;
        long open = 0;
        long decided = 0;
        Map<Outcome, Long> outcomes = new LinkedHashMap<>();
        for (PartyRow r : rows) {
            total += r.count();
            if (r.status().isOpen()) {
                open += r.count();
            }
            decided += r.decided() == null ? 0 : r.decided();
            if (r.outcome() != null) {
                outcomes.merge(r.outcome(), r.count(), Long::sum);
            }
        }
        return new PartyRecord(total, open, decided, outcomes);
    }

    /** Claims of one status and outcome, and how many of them an agent ruled on. */
    record PartyRow(ClaimStatus status, Outcome outcome, long count, Long decided) {
    }

    /** Claims of a buyer or a shop: how many, how many open, how many went to an agent's ruling, how they ended. */
    public record PartyRecord(long total, long open, long decidedByAgent, Map<Outcome, Long> outcomes) {
    }

    /** The payment provider took back part of the claim's refund (a reversal a final decision ordered). */
    @Transactional
    void onRefundReversed(long claimId, Money amount) {
        management.lockOrderOf(claimId);
        claims.findById(claimId).ifPresent(claim -> {
            claim.refundReversed(management.confirmedRefunds(claim));
            save(claim, Actor.SYSTEM);
        });
    }

    // ------------------------------------------------------------------------------------------ mechanics

    private ClaimClock clockOf(Claim claim) {
        return ClaimClock.of(catalog.policyFor(claim.shopId()));
    }

    private Claim forAgent(long claimId, CurrentUser agent, Long expectedVersion) {
        if (agent == null || !agent.isPlatformStaff()) {
            throw new NotFound("Claim", claimId);
        }
        management.lockOrderOf(claimId);
        Claim claim = claims.findById(claimId).orElseThrow(() -> new NotFound("Claim", claimId));
        // the agent's module may have read the claim before its order was locked: decide on what it is now
        em.refresh(claim);
        return current(claim, expectedVersion);
    }

    /** The claim's buyer or a seller of its shop; anyone else (an agent too) is refused as "not found". */
    private Claim forParty(long claimId, CurrentUser party, Long expectedVersion) {
        management.lockOrderOf(claimId);
        Claim claim = claims.findById(claimId).orElseThrow(() -> new NotFound("Claim", claimId));
        boolean buyer = party.role() == Role.BUYER && party.isBuyer(claim.buyerId());
        boolean seller = party.role() == Role.SELLER && party.isSellerOf(claim.shopId());
        if (!buyer && !seller) {
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

    private void save(Claim claim, Actor actor) {
        ledger.save(claim, actor);
    }
}
