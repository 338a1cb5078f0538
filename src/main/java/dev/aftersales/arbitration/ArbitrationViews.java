package dev.aftersales.arbitration;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import dev.aftersales.arbitration.internal.AbuseFlag;
import dev.aftersales.arbitration.internal.AbuseFlagRepository;
import dev.aftersales.arbitration.internal.Assignment;
import dev.aftersales.arbitration.internal.AssignmentRepository;
import dev.aftersales.arbitration.internal.DecisionRepository;
import dev.aftersales.arbitration.internal.PenaltyRepository;
import dev.aftersales.catalog.CatalogManagement;
import dev.aftersales.catalog.Shop;
import dev.aftersales.claims.Claim;
import dev.aftersales.claims.ClaimInterventions;
import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.ClaimView;
import dev.aftersales.claims.ClaimViews;
import dev.aftersales.claims.Party;
import dev.aftersales.claims.QueueFilter;
import dev.aftersales.identity.AccountManagement;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.ordering.OrderPageReads;
import dev.aftersales.ordering.OrderPageSection;
import dev.aftersales.payments.CostBearer;
import dev.aftersales.payments.PaymentManagement;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.web.Keyset;

/** What the agent pages show: the queue, the case workspace, the oversight dashboard. */
@Service
@Transactional(readOnly = true)
public class ArbitrationViews {

    private final ClaimInterventions claims;
    private final ClaimViews claimViews;
    private final OrderManagement orders;
    private final PaymentManagement payments;
    private final CatalogManagement catalog;
    private final AccountManagement accounts;
    private final AssignmentRepository assignments;
    private final DecisionRepository decisions;
    private final PenaltyRepository penalties;
    private final AbuseFlagRepository flags;
    private final List<OrderPageSection> sections;
    private final List<WorkspacePanel> panels;
    private final Clock clock;

    ArbitrationViews(ClaimInterventions claims, ClaimViews claimViews, OrderManagement orders,
            PaymentManagement payments, CatalogManagement catalog, AccountManagement accounts,
            AssignmentRepository assignments, DecisionRepository decisions, PenaltyRepository penalties,
            AbuseFlagRepository flags, List<OrderPageSection> sections, List<WorkspacePanel> panels, Clock clock) {
        this.claims = claims;
        this.claimViews = claimViews;
        this.orders = orders;
        this.payments = payments;
        this.catalog = catalog;
        this.accounts = accounts;
        this.assignments = assignments;
        this.decisions = decisions;
        this.penalties = penalties;
        this.flags = flags;
        this.sections = sections.stream().sorted(Comparator.comparingInt(OrderPageSection::position)).toList();
        this.panels = panels.stream().sorted(Comparator.comparingInt(WorkspacePanel::position)).toList();
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------ queue

    /** A keyset page of the queue: claims, then shops, buyers and holders in one query each. */
    public Keyset.Window<QueueRow> queue(QueueFilter filter, Keyset.Request request) {
        return claims.queue(filter, request).map(this::queueRows);
    }

    /** How many claims the filter shows, counted up to {@link ClaimInterventions#QUEUE_COUNT_CAP} + 1. */
    public long queueCount(QueueFilter filter) {
        return claims.queueCountCapped(filter);
    }

    private List<QueueRow> queueRows(List<Claim> content) {
        Map<Long, Shop> shops = catalog.shopsById(content.stream().map(Claim::shopId).distinct().toList());
        Map<Long, UserAccount> buyers = accounts.accountsById(content.stream().map(Claim::buyerId).distinct()
                .toList());
        Map<Long, String> holders = new LinkedHashMap<>();
        assignments.openFor(content.stream().map(Claim::id).toList())
                .forEach(a -> holders.put(a.claimId(), a.agentName()));
        Instant now = clock.instant();
        return content.stream().map(c -> new QueueRow(c.id(), c.claimNumber(), c.orderNumber(),
                c.type(), c.status(), c.partyToAct(), shops.containsKey(c.shopId()) ? shops.get(c.shopId()).name()
                        : "", buyers.containsKey(c.buyerId()) ? buyers.get(c.buyerId()).displayName() : "",
                c.requestedAmount(), c.dueAt(), c.agentOverdue(now), c.reviewReason(), holders.get(c.id()),
                c.onAppeal(), c.buyerId(), c.shopId())).toList();
    }

    /** One row of the agent queue. */
    public record QueueRow(long id, String claimNumber, String orderNumber, ClaimType type, ClaimStatus status,
            Party partyToAct, String shopName, String buyerName, Money amount, Instant dueAt, boolean breached,
            String reviewReason, String holder, boolean appeal, long buyerId, long shopId) {
    }

    /** The counts of the queue's filters, with shop names. */
    public QueueCountsView counts() {
        ClaimInterventions.QueueCounts counts = claims.queueCounts();
        Map<Long, Shop> shops = catalog.shopsById(counts.byShop().keySet());
        List<ShopCount> byShop = counts.byShop().entrySet().stream()
                .map(e -> new ShopCount(e.getKey(), shops.containsKey(e.getKey()) ? shops.get(e.getKey()).name()
                        : "#" + e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(ShopCount::name)).toList();
        Map<ClaimType, Long> byType = new EnumMap<>(ClaimType.class);
        byType.putAll(counts.byType());
        return new QueueCountsView(counts.all(), counts.breached(), counts.needsReview(), byType, byShop);
    }

    public record QueueCountsView(long all, long breached, long needsReview, Map<ClaimType, Long> byType,
            List<ShopCount> byShop) {

        public long ofType(ClaimType type) {
            return byType.getOrDefault(type, 0L);
        }

        /** Whether the shop had claims in the queue when these counts were made. */
        public boolean hasShop(long shopId) {
            return byShop.stream().anyMatch(s -> s.shopId() == shopId);
        }
    }

    public record ShopCount(long shopId, String name, long count) {
    }

    // ------------------------------------------------------------------------------------------ workspace

    /** Everything an agent needs on one page to decide the case. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Workspace workspace(long claimId, CurrentUser agent) {
        ClaimView claim = claimViews.detail(claimId, agent);
        OrderDetails order = orders.details(claim.orderId(), agent);
        // the order's sections, except those on a topic a workspace panel shows already (the buyer's and shop's risk)
        java.util.Set<String> shownByPanels = new java.util.HashSet<>();
        panels.forEach(p -> {
            if (p.topic() != null) {
                shownByPanels.add(p.topic());
            }
        });
        List<RenderedPart> orderSections = new ArrayList<>();
        OrderPageReads page = new OrderPageReads();
        for (OrderPageSection s : sections) {
            if (s.topic() != null && shownByPanels.contains(s.topic())) {
                continue;
            }
            Object data = s.data(order, agent, page);
            if (data != null) {
                orderSections.add(new RenderedPart(s.template(), s.fragment(), data));
            }
        }
        WorkspacePanel.Case of = new WorkspacePanel.Case(claim.id(), claim.orderId(), claim.shopId(),
                claim.buyerId(), claim.type());
        List<RenderedPart> rendered = new ArrayList<>();
        for (WorkspacePanel p : panels) {
            Object data = p.data(of);
            if (data != null) {
                rendered.add(new RenderedPart(p.template(), p.fragment(), data));
            }
        }
        Claim loaded = claims.claim(claimId);
        String holder = assignments.openFor(claimId).map(Assignment::agentName).orElse(null);
        boolean heldByMe = assignments.openFor(claimId).map(a -> a.agentId() == agent.accountId()).orElse(false);
        boolean withPlatform = ArbitrationManagement.withPlatform(claim.status());
        boolean firstDecider = loaded.onAppeal() && Objects.equals(loaded.decision().byId(), agent.accountId());
        List<DecisionRow> decisionRows = decisions.findByClaimIdOrderByDecidedAtAscIdAsc(claimId).stream()
                .map(d -> new DecisionRow(d.appeal(), d.agentName(), d.outcome(), d.upheld(), d.refund(),
                        d.reversal(), d.costBearer(), d.rationale(), d.clause(), d.decidedAt(), d.withinSla()))
                .toList();
        List<String> penaltyNotes = penalties.findByClaimIdOrderByAtAsc(claimId).stream()
                .map(p -> p.kind().name() + "|" + p.points() + "|" + Money.fen(p.deductionMinor()).format() + "|"
                        + p.reason())
                .toList();
        List<String> flagNotes = flags.findByClaimIdOrderByAtAsc(claimId).stream().map(AbuseFlag::reason).toList();
        return new Workspace(claim, order, orderSections, rendered, PolicyClause.applicableTo(claim.type()), holder,
                heldByMe, withPlatform && holder == null && !firstDecider, withPlatform && (heldByMe || holder == null)
                        && !firstDecider && claim.status() == ClaimStatus.AWAITING_AGENT,
                firstDecider, loaded.onAppeal(), payments.refundable(claim.orderId()),
                ArbitrationManagement.defaultBearer(claim.type(), claim.reason()), decisionRows, penaltyNotes,
                flagNotes, loaded.reviewReason(), loaded.agentOverdue(clock.instant()));
    }

    /**
     * The workspace page's model.
     *
     * @param orderSections the order page's sections (parcels with tracking, refunds, claims of the order)
     * @param panels        the workspace panels of every module, in position order
     * @param canTake       the case is in the queue and nobody holds it
     * @param canDecide     this agent may decide now (holds the case, or nobody does)
     * @param firstDecider  on appeal: this agent made the first decision and may not decide the appeal
     */
    public record Workspace(ClaimView claim, OrderDetails order, List<RenderedPart> orderSections,
            List<RenderedPart> panels, List<PolicyClause> clauses, String holder, boolean heldByMe, boolean canTake,
            boolean canDecide, boolean firstDecider, boolean appeal, Money refundable, CostBearer defaultBearer,
            List<DecisionRow> decisions, List<String> penalties, List<String> flags, String reviewReason,
            boolean breached) {
    }

    /** A fragment ready for the template: {@code th:insert="~{${p.template} :: ${p.fragment}}"}. */
    public record RenderedPart(String template, String fragment, Object data) {
    }

    public record DecisionRow(boolean appeal, String agentName, DecisionOutcome outcome, boolean upheld,
            Money refund, Money reversal, CostBearer costBearer, String rationale, String clause, Instant decidedAt,
            boolean withinSla) {
    }

    // ------------------------------------------------------------------------------------------ dashboard

    /** The oversight dashboard's numbers. */
    public Dashboard dashboard(ZoneId zone) {
        Map<ClaimType, Map<ClaimStatus, Long>> open = new EnumMap<>(ClaimType.class);
        List<ClaimStatus> openStatuses = new ArrayList<>();
        for (ClaimInterventions.OpenCount r : claims.openByTypeAndStatus()) {
            ClaimStatus status = r.status();
            open.computeIfAbsent(r.type(), k -> new EnumMap<>(ClaimStatus.class)).put(status, r.count());
            if (!openStatuses.contains(status)) {
                openStatuses.add(status);
            }
        }
        openStatuses.sort(Comparator.naturalOrder());
        Map<DecisionOutcome, Long> outcomes = new EnumMap<>(DecisionOutcome.class);
        for (DecisionOutcome o : DecisionOutcome.values()) {
            outcomes.put(o, 0L);
        }
        decisions.countByOutcome().forEach(r -> outcomes.put(r.outcome(), r.count()));
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate first = today.minusDays(13);
        TreeMap<LocalDate, long[]> sla = new TreeMap<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            sla.put(d, new long[2]);
        }
        Instant since = first.atStartOfDay(zone).toInstant();
        for (DecisionRepository.SlaMark r : decisions.slaSince(since)) {
            LocalDate day = LocalDate.ofInstant(r.decidedAt(), zone);
            long[] counts = sla.get(day);
            if (counts != null) {
                counts[r.withinSla() ? 0 : 1]++;
            }
        }
        List<SlaDay> slaDays = sla.entrySet().stream().map(e -> new SlaDay(e.getKey(), e.getValue()[0],
                e.getValue()[1])).toList();
        List<ClaimInterventions.ShopCount> top = claims.topShopsByEscalations(10);
        Map<Long, Shop> shops = catalog.shopsById(top.stream().map(ClaimInterventions.ShopCount::shopId).toList());
        List<ShopCount> topShops = top.stream().map(t -> new ShopCount(t.shopId(), shops.containsKey(t.shopId())
                ? shops.get(t.shopId()).name() : "#" + t.shopId(), t.count())).toList();
        long days = ChronoUnit.DAYS.between(first, today) + 1;
        return new Dashboard(open, openStatuses, outcomes, slaDays, topShops, days);
    }

    public record Dashboard(Map<ClaimType, Map<ClaimStatus, Long>> openByTypeAndStatus,
            List<ClaimStatus> openStatuses, Map<DecisionOutcome, Long> decisionsByOutcome, List<SlaDay> sla,
            List<ShopCount> topShops, long days) {

        public long open(ClaimType type, ClaimStatus status) {
            return openByTypeAndStatus.getOrDefault(type, Map.of()).getOrDefault(status, 0L);
        }

        public long openOfType(ClaimType type) {
            return openByTypeAndStatus.getOrDefault(type, Map.of()).values().stream().mapToLong(Long::longValue)
                    .sum();
        }
    }

    /** Decisions of a day made within the agent's due time and after it. */
    public record SlaDay(LocalDate day, long withinSla, long late) {

        /** Percent within SLA, or -1 when nothing was decided that day. */
        public long percent() {
            long all = withinSla + late;
            return all == 0 ? -1 : Math.round(100.0 * withinSla / all);
        }
    }
}
