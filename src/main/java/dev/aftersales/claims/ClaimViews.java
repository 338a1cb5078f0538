package dev.aftersales.claims;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import dev.aftersales.claims.internal.ClaimSummary;
import dev.aftersales.claims.internal.ClaimMessageRepository;
import dev.aftersales.claims.internal.EvidenceFile;
import dev.aftersales.claims.internal.EvidenceStore;
import dev.aftersales.catalog.CatalogManagement;
import dev.aftersales.catalog.Shop;
import dev.aftersales.identity.AccountManagement;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.payments.MovementView;
import dev.aftersales.payments.PaymentManagement;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.web.Keyset;
import dev.aftersales.shipping.ShipmentView;
import dev.aftersales.shipping.ShippingManagement;

/**
 * Builds what claim pages show: the detail of one claim for one viewer (with the moves that viewer may make now),
 * and pages of claim rows with a fixed number of queries however many rows there are.
 */
@Service
@Transactional(readOnly = true)
public class ClaimViews {

    private final ClaimManagement claims;
    private final ClaimMessageRepository messages;
    private final EvidenceStore evidence;
    private final OrderManagement orders;
    private final ShippingManagement shipping;
    private final PaymentManagement payments;
    private final CatalogManagement catalog;
    private final AccountManagement accounts;
    private final WeightCheckSettings weightSettings;
    private final Clock clock;

    ClaimViews(ClaimManagement claims, ClaimMessageRepository messages, EvidenceStore evidence,
            OrderManagement orders, ShippingManagement shipping, PaymentManagement payments,
            CatalogManagement catalog, AccountManagement accounts, WeightCheckSettings weightSettings,
            Clock clock) {
        this.claims = claims;
        this.messages = messages;
        this.evidence = evidence;
        this.orders = orders;
        this.shipping = shipping;
        this.payments = payments;
        this.catalog = catalog;
        this.accounts = accounts;
        this.weightSettings = weightSettings;
        this.clock = clock;
    }

    /**
     * The claim as {@code viewer} may see it; someone else's claim is "not found". Its status, timeline, messages,
     * parcels and money are read in one snapshot, so a move committed meanwhile shows wholly or not at all.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ClaimView detail(long claimId, CurrentUser viewer) {
        Claim claim = claims.claim(claimId, viewer);
        OrderDetails order = orders.details(claim.orderId());
        Instant now = clock.instant();
        List<ShipmentView> parcels = shipping.shipmentsOf(claim.orderId());
        WeightCheck weight = null;
        if (claim.type().weightChecked()) {
            weight = WeightCheck.of(weightSettings,
                    order.lines().stream().map(l -> new WeightCheck.Units(l.unitWeightGrams(), l.quantity())).toList(),
                    claim.lines().stream().map(l -> new WeightCheck.Units(l.unitWeightGrams(), l.quantity())).toList(),
                    ClaimManagement.measured(parcels), claim.type() == ClaimType.NOT_RECEIVED);
        }
        List<EvidenceFile> files = evidence.ofClaim(claim.id());
        Map<Long, List<ClaimView.EvidenceView>> byMessage = new HashMap<>();
        List<ClaimView.EvidenceView> unattached = new ArrayList<>();
        for (EvidenceFile file : files) {
            ClaimView.EvidenceView view = new ClaimView.EvidenceView(file.id(), file.fileName(), file.contentType(),
                    file.sizeBytes(), file.image(), file.uploadedByRole(), file.uploadedByName(), file.uploadedAt(),
                    file.purpose());
            if (file.messageId() == null) {
                unattached.add(view);
            } else {
                byMessage.computeIfAbsent(file.messageId(), k -> new ArrayList<>()).add(view);
            }
        }
        List<ClaimView.MessageView> conversation = messages.findByClaimIdOrderBySentAtAscIdAsc(claim.id()).stream()
                .map(m -> new ClaimView.MessageView(m.id(), m.authorRole(), m.authorName(), m.body(), m.sentAt(),
                        byMessage.getOrDefault(m.id(), List.of())))
                .toList();
        var currency = claim.requestedAmount().currency();
        // why the platform looks closer at a claim (a return-abuse score) is for platform staff only: buyers never see
        // scores, and the seller must not judge the buyer by it
        boolean staff = viewer.isPlatformStaff();
        List<ClaimView.TimelineView> timeline = claim.timeline().stream()
                .filter(t -> staff || t.action() != TimelineAction.MARKED_FOR_REVIEW)
                .map(t -> new ClaimView.TimelineView(t.at(), t.actorRole(), t.actorName(), t.action().name(),
                        t.fromStatus(), t.toStatus(), t.rule(), t.note(),
                        t.amountMinor() == null ? null : new Money(t.amountMinor(), currency),
                        // a ruling on appeal moves the difference; the decision it makes is the claim's final one
                        t.action().appealRuling() ? claim.decisionAmount()
                                : null))
                .toList();
        List<MovementView> refunds = payments.movementsOfClaim(claim.id());
        ShipmentView returnParcel = parcel(parcels, claim.returnShipmentId());
        ShipmentView reshipment = parcel(parcels, claim.reshipmentShipmentId());
        return new ClaimView(claim.id(), claim.claimNumber(), claim.version(), claim.orderId(), claim.orderNumber(),
                claim.shopId(), order.shopName(), claim.buyerId(), order.buyerName(), claim.type(), claim.reason(),
                claim.description(), claim.remedy(), claim.requestedAmount(), claim.linesAmount(), claim.status(),
                claim.partyToAct(), claim.dueAt(), claim.dueAt() != null && !claim.dueAt().isAfter(now),
                claim.lines().stream().map(l -> new ClaimView.LineView(l.orderLineId(), l.sku(), l.title(),
                        l.quantity(), new Money(l.amountMinor(), currency))).toList(),
                claim.proposal().remedy(), claim.proposalAmount(), claim.proposal().note(), claim.rejectionReason(),
                claim.inspection().result(), claim.inspection().note(), weight, claim.fastTracked(),
                claim.fastTrackRule(), claim.outcome(), claim.refundedAmount(), claim.createdAt(), claim.endedAt(),
                timeline, conversation, unattached, refunds, returnParcel, reshipment,
                claim.allowedMoves(viewer, now), intervention(claim, staff), sideOf(claim, viewer));
    }

    private static Party sideOf(Claim claim, CurrentUser viewer) {
        if (viewer.isBuyer(claim.buyerId())) {
            return Party.BUYER;
        }
        if (viewer.isSellerOf(claim.shopId())) {
            return Party.SELLER;
        }
        return viewer.isPlatformStaff() ? Party.AGENT : Party.NONE;
    }

    private static ClaimView.Intervention intervention(Claim claim, boolean staff) {
        PlatformDecision decision = claim.decision();
        return new ClaimView.Intervention(staff ? claim.reviewReason() : null, claim.evidenceRequest().what(),
                claim.evidenceRequest().of(), decision.ruling(), claim.decisionAmount(), decision.rationale(),
                decision.clause(), decision.at(), decision.byName(), decision.finalRuling(), claim.appeal().until(),
                claim.appeal().by(), claim.appeal().statement());
    }

    private static ShipmentView parcel(List<ShipmentView> parcels, Long id) {
        return id == null ? null : parcels.stream().filter(p -> p.id() == id).findFirst().orElse(null);
    }

    /** Rows for claims already loaded (a page of a list, the claims of one order): shops and buyers in one query each. */
    public List<ClaimSummary> summaries(Collection<Claim> loaded) {
        if (loaded.isEmpty()) {
            return List.of();
        }
        Map<Long, Shop> shops = catalog.shopsById(loaded.stream().map(Claim::shopId).distinct().toList());
        Map<Long, UserAccount> buyers = accounts
                .accountsById(loaded.stream().map(Claim::buyerId).distinct().toList());
        Instant now = clock.instant();
        return loaded.stream().map(c -> summary(c, shops, buyers, now)).toList();
    }

    private static ClaimSummary summary(Claim c, Map<Long, Shop> shops, Map<Long, UserAccount> buyers,
            Instant now) {
        List<ClaimLine> lines = c.lines();
        return new ClaimSummary(c.id(), c.claimNumber(), c.orderId(), c.orderNumber(),
                shops.containsKey(c.shopId()) ? shops.get(c.shopId()).name() : "",
                buyers.containsKey(c.buyerId()) ? buyers.get(c.buyerId()).displayName() : "", c.type(), c.status(),
                c.partyToAct(), c.dueAt(), c.dueAt() != null && !c.dueAt().isAfter(now), c.requestedAmount(),
                c.remedy(), c.createdAt(), lines.isEmpty() ? "" : lines.get(0).title(), lines.size());
    }

    /** A buyer's claims as rows, newest first, one keyset page. */
    public Keyset.Window<ClaimSummary> buyerClaims(long buyerId, Keyset.Request request) {
        return claims.buyerClaims(buyerId, request).map(this::summaries);
    }

    /** The shop's claims waiting for its seller as rows, soonest due first, one keyset page. */
    public Keyset.Window<ClaimSummary> sellerQueue(long shopId, Keyset.Request request) {
        return claims.sellerQueue(shopId, request).map(this::summaries);
    }

    /** The claims of one order as rows. */
    public List<ClaimSummary> ofOrder(long orderId) {
        return summaries(claims.claimsOfOrder(orderId));
    }

    /** Claims of several orders grouped by order (order lists), one query. */
    public Map<Long, List<ClaimSummary>> byOrder(Collection<Long> orderIds) {
        List<Claim> loaded = claims.claimsOfOrders(orderIds);
        return summaries(loaded).stream().collect(Collectors.groupingBy(ClaimSummary::orderId));
    }
}
