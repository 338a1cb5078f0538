package dev.aftersales.claims;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.aftersales.claims.internal.Actor;
import dev.aftersales.claims.internal.EvidencePurpose;
import dev.aftersales.claims.internal.ClaimRepository;
import dev.aftersales.claims.internal.EvidenceStore;
import dev.aftersales.catalog.CatalogManagement;
import dev.aftersales.catalog.Product;
import dev.aftersales.catalog.ShopPolicy;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.ordering.OrderPageReads;
import dev.aftersales.payments.PaymentManagement;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.NotFound;
import dev.aftersales.shipping.ShipmentDirection;
import dev.aftersales.shipping.ShipmentView;
import dev.aftersales.shipping.ShippingManagement;

/**
 * A buyer files a claim: which types are open for the order, the form of one type, and the filing itself, checked
 * by {@link FilingPolicy} under the order's lock. Reached through {@link ClaimManagement}.
 */
@Service
class ClaimFiling {

    private final ClaimRepository claims;
    private final EvidenceStore evidence;
    private final OrderManagement orders;
    private final ShippingManagement shipping;
    private final CatalogManagement catalog;
    private final PaymentManagement payments;
    private final BuyerStandings standings;
    private final WeightCheckSettings weightSettings;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ClaimLedger ledger;

    ClaimFiling(ClaimRepository claims, EvidenceStore evidence, OrderManagement orders, ShippingManagement shipping,
            CatalogManagement catalog, PaymentManagement payments, BuyerStandings standings,
            WeightCheckSettings weightSettings, Clock clock, PlatformTransactionManager transactionManager,
            ClaimLedger ledger) {
        this.claims = claims;
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

    /** Which claim types the buyer may file for the order now, and why not the others. */
    @Transactional(readOnly = true)
    public List<Availability> availability(long orderId, CurrentUser buyer) {
        return availability(ownOrder(orderId, buyer), buyer, new OrderPageReads());
    }

    /**
     * The same for the order a page shows: the order's facts (its parcels, the units still claimable, the products)
     * are read once for the page, however many of its sections ask.
     */
    @Transactional(readOnly = true)
    public List<Availability> availability(OrderDetails order, CurrentUser buyer, OrderPageReads page) {
        if (!buyer.isBuyer(order.buyerId())) {
            throw new NotFound("Order", order.id());
        }
        OrderFacts facts = page.once(FACTS, () -> facts(order, shipping.shipmentsOf(order.id(), page)));
        return EligibilityPolicy.all().stream().map(p -> p.check(facts)).toList();
    }

    private static final OrderPageReads.Key<OrderFacts> FACTS = new OrderPageReads.Key<>("claim facts");

    /** The form for one claim type. */
    @Transactional(readOnly = true)
    public ClaimForm form(long orderId, ClaimType type, CurrentUser buyer) {
        OrderDetails order = ownOrder(orderId, buyer);
        OrderFacts facts = facts(order);
        Availability availability = EligibilityPolicy.of(type).check(facts);
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

    OrderFacts facts(OrderDetails order) {
        return facts(order, shipping.shipmentsOf(order.id()));
    }

    private OrderFacts facts(OrderDetails order, List<ShipmentView> parcels) {
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
        OrderFacts facts = facts(order);
        FilingPolicy.Passed passed = FilingPolicy.check(new FilingPolicy.Filing(command, facts,
                claims.openClaimsByLine(order.id(), command.type()), () -> payments.refunded(order.id()),
                () -> payments.refundable(order.id())));
        List<ClaimDraft.Line> lines = passed.lines();
        Money requested = passed.requested();
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
        BuyerStanding.Standing standing = standings.strictest(buyer.accountId(), claim.id(), now);
        FastTrack.Decision fastTrack = FastTrack.decide(claim, weight, facts.policy(), standing);
        if (fastTrack.applies()) {
            claim.fastTrack(fastTrack.explanation(), now);
        }
        standings.markForAgentReview(claim, buyer.accountId(), now);
        ledger.save(claim, actor);
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

    private OrderDetails ownOrder(long orderId, CurrentUser buyer) {
        OrderDetails order = orders.details(orderId, buyer);
        if (!buyer.isBuyer(order.buyerId())) {
            throw new NotFound("Order", orderId);
        }
        return order;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
