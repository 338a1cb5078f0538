package dev.aftersales.claims;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.aftersales.catalog.CatalogManagement;
import dev.aftersales.catalog.Product;
import dev.aftersales.catalog.ShopPolicy;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.payments.MovementKind;
import dev.aftersales.payments.MovementView;
import dev.aftersales.payments.PaymentManagement;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.NotFound;
import dev.aftersales.shared.Role;
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
    private final List<BuyerStanding> standings;
    private final WeightCheckSettings weightSettings;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ClaimLedger ledger;

    ClaimManagement(ClaimRepository claims, ClaimMessageRepository messages, EvidenceStore evidence,
            OrderManagement orders, ShippingManagement shipping, CatalogManagement catalog,
            PaymentManagement payments, List<BuyerStanding> standings, WeightCheckSettings weightSettings, Clock clock,
            PlatformTransactionManager transactionManager, ClaimLedger ledger) {
        this.claims = claims;
        this.messages = messages;
        this.evidence = evidence;
        this.orders = orders;
        this.shipping = shipping;
        this.catalog = catalog;
        this.payments = payments;
        this.standings = standings;
        this.weightSettings = weightSettings;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactionManager);
        this.ledger = ledger;
    }

    // ------------------------------------------------------------------------------------------ eligibility, form

    /** Which claim types the buyer may file for the order now, and why not the others. */
    @Transactional(readOnly = true)
    public List<Availability> availability(long orderId, CurrentUser buyer) {
        OrderDetails order = ownOrder(orderId, buyer);
        OrderFacts facts = facts(order);
        return EligibilityPolicy.all().stream().map(p -> p.check(facts)).toList();
    }

    /** The form for one claim type. */
    @Transactional(readOnly = true)
    public ClaimForm form(long orderId, ClaimType type, CurrentUser buyer) {
        OrderDetails order = ownOrder(orderId, buyer);
        OrderFacts facts = facts(order);
        Availability availability = policyFor(type).check(facts);
        Map<Long, ClaimRepository.OpenClaim> openOnLines = claims.openClaimsByLine(orderId, type);
        List<ClaimForm.LineChoice> lines = order.lines().stream().map(l -> {
            ClaimRepository.OpenClaim open = openOnLines.get(l.id());
            return new ClaimForm.LineChoice(l.id(), l.sku(), l.title(), l.quantity(),
                    facts.claimableUnits().getOrDefault(l.id(), 0), l.paidPerUnit(), l.paid(),
                    open == null ? null : open.claimId(), open == null ? null : open.claimNumber(),
                    facts.returnable().getOrDefault(l.id(), true));
        }).toList();
        ShopPolicy policy = facts.policy();
        return new ClaimForm(order.id(), order.orderNumber(), order.shopName(), type, availability, lines,
                ClaimReason.forType(type), type.remedies(), policy.sellerFirstResponse(), policy.buyerAnswer(),
                policy.buyerReturnShipment(), policy.sellerReturnConfirmation(), policy.sellerReshipment(),
                availability.closesAt(), Money.fen(policy.fastTrackThresholdFen()),
                type == ClaimType.NOT_RECEIVED, order.shippingFee());
    }

    private static EligibilityPolicy policyFor(ClaimType type) {
        return EligibilityPolicy.all().stream().filter(p -> p.type() == type).findFirst()
                .orElseThrow(() -> new ClaimNotAllowed("type", "claim.unavailable.type"));
    }

    OrderFacts facts(OrderDetails order) {
        List<ShipmentView> parcels = shipping.shipmentsOf(order.id());
        Map<Long, Integer> claimed = claims.claimedUnitsByLine(order.id());
        Map<Long, Integer> refunded = payments.refundedUnits(order.id());
        Map<Long, Integer> claimable = new HashMap<>();
        for (OrderDetails.Line line : order.lines()) {
            int used = Math.max(claimed.getOrDefault(line.id(), 0), refunded.getOrDefault(line.id(), 0));
            claimable.put(line.id(), Math.max(line.quantity() - used, 0));
        }
        Map<Long, Boolean> returnable = new HashMap<>();
        List<Long> productIds = order.lines().stream().map(OrderDetails.Line::productId).filter(Objects::nonNull)
                .toList();
        Map<Long, Product> products = new HashMap<>();
        catalog.productsById(productIds).forEach(p -> products.put(p.id(), p));
        order.lines().forEach(l -> returnable.put(l.id(),
                l.productId() == null || !products.containsKey(l.productId()) || products.get(l.productId())
                        .returnable()));
        return new OrderFacts(order, parcels, catalog.policyFor(order.shopId()), clock.instant(), claimable,
                returnable);
    }

    // ------------------------------------------------------------------------------------------ filing

    /**
     * Files a buyer's claim, with its evidence, and applies fast-track when its rule holds. The same submission key
     * twice returns the first claim; a second open claim of the same type on a line is refused with
     * {@link DuplicateClaim}.
     *
     * @return the claim's id
     */
    public long file(FileClaim command, CurrentUser buyer) {
        try {
            return Objects.requireNonNull(tx.execute(status -> fileOnce(command, buyer)));
        } catch (DataIntegrityViolationException race) {
            // a simultaneous submission (double click, second tab) got there first
            if (command.submissionKey() != null) {
                Optional<Claim> first = claims.findBySubmissionKey(command.submissionKey());
                if (first.isPresent()) {
                    return first.get().id();
                }
            }
            Map<Long, ClaimRepository.OpenClaim> open = claims.openClaimsByLine(command.orderId(), command.type());
            for (Long lineId : command.units().keySet()) {
                if (open.containsKey(lineId)) {
                    throw new DuplicateClaim(open.get(lineId).claimId(), open.get(lineId).claimNumber());
                }
            }
            throw race;
        } catch (DuplicateClaim | ClaimNotAllowed refused) {
            // the same form posted a moment earlier (a double click) may have filed the claim while this one checked
            if (command.submissionKey() != null) {
                Optional<Claim> filed = claims.findBySubmissionKey(command.submissionKey())
                        .filter(claim -> claim.buyerId() == buyer.accountId());
                if (filed.isPresent()) {
                    return filed.get().id();
                }
            }
            throw refused;
        }
    }

    private long fileOnce(FileClaim command, CurrentUser buyer) {
        Optional<Long> earlier = earlierSubmission(command, buyer);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        // the units still claimable are read and taken under the order's lock: two filings on the same order, of
        // any types, are decided one after the other, the second seeing the units the first took
        orders.lock(command.orderId());
        earlier = earlierSubmission(command, buyer);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        OrderDetails order = ownOrder(command.orderId(), buyer);
        if (!command.type().filedByBuyer()) {
            throw new ClaimNotAllowed("type", "claim.unavailable.type");
        }
        OrderFacts facts = facts(order);
        Availability availability = policyFor(command.type()).check(facts);
        if (!availability.available()) {
            throw new ClaimNotAllowed(null, availability.reasonKey(), availability.argArray());
        }
        if (command.reason() == null || !command.reason().allowedFor(command.type())) {
            throw new ClaimNotAllowed("reason", "claim.form.error.reason");
        }
        if (command.remedy() == null || !command.type().remedies().contains(command.remedy())) {
            throw new ClaimNotAllowed("remedy", "claim.form.error.remedy");
        }
        if (command.description() != null && command.description().length() > 2000) {
            throw new ClaimNotAllowed("description", "claim.form.error.description", 2000);
        }
        Map<Long, ClaimRepository.OpenClaim> open = claims.openClaimsByLine(order.id(), command.type());
        List<ClaimDraft.Line> lines = new ArrayList<>();
        Map<Long, Integer> units = command.type() == ClaimType.NOT_RECEIVED ? facts.claimableUnits()
                : command.units();
        for (OrderDetails.Line line : order.lines()) {
            int wanted = units.getOrDefault(line.id(), 0);
            if (wanted <= 0) {
                continue;
            }
            if (open.containsKey(line.id())) {
                throw new DuplicateClaim(open.get(line.id()).claimId(), open.get(line.id()).claimNumber());
            }
            int claimable = facts.claimableUnits().getOrDefault(line.id(), 0);
            if (wanted > claimable) {
                throw new ClaimNotAllowed("units[" + line.id() + "]", "claim.form.error.units", line.title(),
                        claimable);
            }
            if (command.reason() == ClaimReason.NO_REASON && !facts.returnable().getOrDefault(line.id(), true)) {
                throw new ClaimNotAllowed("reason", "claim.form.error.notReturnable", line.title());
            }
            lines.add(new ClaimDraft.Line(line.id(), line.sku(), line.title(), wanted, line.unitWeightGrams(),
                    line.paidFor(wanted)));
        }
        if (lines.isEmpty()) {
            throw new ClaimNotAllowed("units", "claim.form.error.noUnits");
        }
        for (Long lineId : units.keySet()) {
            if (order.line(lineId).isEmpty()) {
                throw new NotFound("Order line", lineId);
            }
        }
        if (command.reason() == ClaimReason.NO_REASON && order.deliveredAt() != null && !facts.now()
                .isBefore(order.deliveredAt().plus(facts.policy().noReasonReturnWindow()))) {
            throw new ClaimNotAllowed("reason", "claim.form.error.noReasonWindow",
                    order.deliveredAt().plus(facts.policy().noReasonReturnWindow()));
        }
        Money value = lines.stream().map(ClaimDraft.Line::amount).reduce(Money.zero(order.paid().currency()),
                Money::plus);
        if (command.type() == ClaimType.NOT_RECEIVED && payments.refunded(order.id()).isZero()) {
            value = value.plus(order.shippingFee());
        }
        Money requested = value;
        if (command.type() == ClaimType.REFUND_ONLY && command.requestedAmount() != null) {
            if (!command.requestedAmount().isPositive() || command.requestedAmount().greaterThan(value)) {
                throw new ClaimNotAllowed("requestedAmount", "claim.form.error.amount", value.format());
            }
            requested = command.requestedAmount();
        }
        if (command.remedy().refunds() && requested.greaterThan(payments.refundable(order.id()))) {
            throw new ClaimNotAllowed("requestedAmount", "claim.form.error.refundable",
                    payments.refundable(order.id()).format());
        }
        List<EvidenceStore.Checked> files = evidence.check(command.evidence());
        WeightCheck weight = command.type().weightChecked()
                ? weightCheck(order, facts.parcels(), lines, command.type() == ClaimType.NOT_RECEIVED) : null;
        String number = "AS" + claims.nextClaimNumber();
        ClaimDraft draft = new ClaimDraft(number, order.id(), order.orderNumber(), order.shopId(), order.buyerId(),
                command.type(), command.reason(), command.remedy(), blankToNull(command.description()), requested,
                lines, weight == null ? null : weight.verdict(), command.submissionKey());
        Actor actor = Actor.of(buyer);
        Instant now = clock.instant();
        ClaimClock claimClock = ClaimClock.of(facts.policy());
        Claim claim = claims.saveAndFlush(Claim.file(draft, actor, claimClock, now));
        claim.announceFiled();
        evidence.store(claim.id(), null, EvidencePurpose.CLAIM, actor, files);
        BuyerStanding.Standing standing = strictestStanding(buyer.accountId(), claim.id(), now);
        FastTrack.Decision fastTrack = FastTrack.decide(claim, weight, facts.policy(), standing);
        if (fastTrack.applies()) {
            claim.fastTrack(fastTrack.explanation(), now);
        }
        markForAgentReview(claim, buyer.accountId(), now);
        save(claim, actor);
        return claim.id();
    }

    /** The claim an earlier post of the same form filed, if any (someone else's key is "not found"). */
    private Optional<Long> earlierSubmission(FileClaim command, CurrentUser buyer) {
        if (command.submissionKey() == null) {
            return Optional.empty();
        }
        Optional<Claim> earlier = claims.findBySubmissionKey(command.submissionKey());
        if (earlier.isPresent() && earlier.get().buyerId() != buyer.accountId()) {
            throw new NotFound("Claim", command.submissionKey());
        }
        return earlier.map(Claim::id);
    }

    WeightCheck weightCheck(OrderDetails order, List<ShipmentView> parcels, List<ClaimDraft.Line> lines,
            boolean notReceived) {
        return WeightCheck.of(weightSettings,
                order.lines().stream().map(l -> new WeightCheck.Units(l.unitWeightGrams(), l.quantity())).toList(),
                lines.stream().map(l -> new WeightCheck.Units(l.unitWeightGrams(), l.quantity())).toList(),
                measured(parcels), notReceived);
    }

    /** The carrier's weight of the outbound parcels, if every one of them was weighed. */
    static Integer measured(List<ShipmentView> parcels) {
        List<ShipmentView> outbound = parcels.stream().filter(p -> p.direction() == ShipmentDirection.OUTBOUND)
                .toList();
        if (outbound.isEmpty() || outbound.stream().anyMatch(p -> p.measuredWeightGrams() == null)) {
            return null;
        }
        return outbound.stream().mapToInt(ShipmentView::measuredWeightGrams).sum();
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
        if (claim.status() != ClaimStatus.AWAITING_RESHIPMENT) {
            throw new TransitionRejected("claim.rejected.state");
        }
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
        if (claim.status() != ClaimStatus.AWAITING_RETURN_SHIPMENT) {
            throw new TransitionRejected("claim.rejected.state");
        }
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
        if (!claim.status().isOpen()) {
            throw new TransitionRejected("claim.rejected.closed");
        }
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

    @Transactional(readOnly = true)
    public Page<Claim> buyerClaims(long buyerId, Pageable pageable) {
        return claims.pageForBuyer(buyerId, pageable);
    }

    @Transactional(readOnly = true)
    public Page<Claim> sellerQueue(long shopId, Pageable pageable) {
        return claims.pageNeedingSeller(shopId, pageable);
    }

    @Transactional(readOnly = true)
    public Page<Claim> shopClaims(long shopId, Collection<ClaimStatus> statuses, Pageable pageable) {
        return claims.pageForShop(shopId, statuses, pageable);
    }

    @Transactional(readOnly = true)
    public Map<ClaimStatus, Long> countsForShop(long shopId) {
        Map<ClaimStatus, Long> counts = new EnumMap<>(ClaimStatus.class);
        for (Object[] row : claims.countByStatusForShop(shopId)) {
            counts.put((ClaimStatus) row[0], ((Number) row[1]).longValue());
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

    private OrderDetails ownOrder(long orderId, CurrentUser buyer) {
        OrderDetails order = orders.details(orderId, buyer);
        if (!buyer.isBuyer(order.buyerId())) {
            throw new NotFound("Order", orderId);
        }
        return order;
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

    // --- risk #6: every standing is consulted, the strictest wins; review marks the claim ---------------------------

    /**
     * Whether the buyer's standing is normal for this claim now, as a shop's rules need it: every standing good, none
     * asking for review, none watching the buyer (a return-abuse score on the watchlist).
     */
    boolean normalStanding(Claim claim, Instant now) {
        for (BuyerStanding rule : standings) {
            BuyerStanding.Standing standing = rule.of(claim.buyerId(), claim.id(), now);
            if (!standing.good() || standing.review() || standing.watched()) {
                return false;
            }
        }
        return true;
    }

    /** The first standing that is not good (the strictest), else the first good one. */
    private BuyerStanding.Standing strictestStanding(long buyerId, Long excludingClaimId, Instant now) {
        BuyerStanding.Standing first = null;
        for (BuyerStanding rule : standings) {
            BuyerStanding.Standing answer = rule.of(buyerId, excludingClaimId, now);
            if (!answer.good()) {
                return answer;
            }
            if (first == null) {
                first = answer;
            }
        }
        return first != null ? first : new BuyerStanding.Standing(false, "claim.standing.notGood", List.of(0, 0, 0));
    }

    /**
     * A standing that asks for review marks the new claim on its timeline ("marked for agent review: return-abuse
     * score 82"). Kept in this one place, to become {@code Claim.markForReview(...)} once arbitration has it.
     */
    private void markForAgentReview(Claim claim, long buyerId, Instant now) {
        for (BuyerStanding rule : standings) {
            BuyerStanding.Standing answer = rule.of(buyerId, claim.id(), now);
            if (answer.review()) {
                claim.markForReview(answer.reviewNote(), now);
                return;
            }
        }
    }
}
