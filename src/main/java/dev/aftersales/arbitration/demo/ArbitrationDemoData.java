package dev.aftersales.arbitration.demo;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import dev.aftersales.arbitration.ArbitrationManagement;
import dev.aftersales.arbitration.DecisionCommand;
import dev.aftersales.arbitration.DecisionOutcome;
import dev.aftersales.arbitration.PenaltyKind;
import dev.aftersales.catalog.CatalogManagement;
import dev.aftersales.claims.Availability;
import dev.aftersales.claims.ClaimInterventions;
import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimReason;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.FileClaim;
import dev.aftersales.claims.Party;
import dev.aftersales.claims.Remedy;
import dev.aftersales.identity.AccountManagement;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.ordering.OrderStatus;
import dev.aftersales.ordering.OrderSummary;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.demo.DemoDataStep;

/**
 * Escalated demo claims in every arbitration state, on Bamboo Home's and Pixel Gadgets' delivered orders (the demo
 * buyer's first), played through the same moves buyers, sellers and the agents {@code agent} and {@code agent2}
 * make: waiting in the queue, taken, evidence requested, evidence answered, evidence timing out (due 2 minutes after
 * loading, the deadline sweep returns it to the agent), decided within the appeal window, appealed, appeal decided,
 * closed after an appeal raised the refund. Two of them are marked for review (the queue's risk filter).
 */
@Component
@Profile("demo")
class ArbitrationDemoData implements DemoDataStep {

    private static final Logger log = LoggerFactory.getLogger(ArbitrationDemoData.class);

    private final ClaimManagement claims;
    private final ClaimInterventions interventions;
    private final ArbitrationManagement arbitration;
    private final OrderManagement orders;
    private final AccountManagement accounts;
    private final CatalogManagement catalog;

    ArbitrationDemoData(ClaimManagement claims, ClaimInterventions interventions, ArbitrationManagement arbitration,
            OrderManagement orders, AccountManagement accounts, CatalogManagement catalog) {
        this.claims = claims;
        this.interventions = interventions;
        this.arbitration = arbitration;
        this.orders = orders;
        this.accounts = accounts;
        this.catalog = catalog;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public String name() {
        return "arbitration";
    }

    @Override
    public void load() {
        CurrentUser agent = accounts.byUsername("agent").orElseThrow().toCurrentUser();
        CurrentUser agent2 = accounts.byUsername("agent2").orElseThrow().toCurrentUser();
        long demoBuyer = accounts.byUsername("buyer").orElseThrow().id();
        Deque<OrderDetails> delivered = new ArrayDeque<>();
        for (String shop : List.of("bamboo-home", "pixel-gadgets")) {
            long shopId = catalog.shopByCode(shop).orElseThrow().id();
            List<OrderSummary> rows = orders.shopOrders(shopId, false, PageRequest.of(0, 500)).getContent();
            rows.stream().map(r -> orders.details(r.id())).filter(o -> o.status() == OrderStatus.DELIVERED)
                    .sorted(Comparator.comparing((OrderDetails o) -> o.buyerId() != demoBuyer))
                    .forEach(delivered::add);
        }
        Map<String, Long> made = new LinkedHashMap<>();

        Long queued = escalated(delivered, "The colour is not the one ordered. 颜色与下单不符。");
        made.put("waiting in the queue", queued);
        if (queued != null) {
            interventions.markForReview(queued,
                    "colour complaints at this shop need a photo of the label 此店铺的颜色投诉需附标签照片");
        }

        Long taken = escalated(delivered, "Arrived cracked. 到货有裂纹。");
        if (taken != null) {
            arbitration.take(taken, agent);
        }
        made.put("taken by agent", taken);

        Long asked = escalated(delivered, "Not as described: thinner than shown. 比描述的薄。");
        if (asked != null) {
            arbitration.take(asked, agent);
            arbitration.requestEvidence(asked, agent, null, Party.BUYER,
                    "Please send a photo of the item next to a ruler. 请提供商品与尺子同框的照片。", Duration.ofHours(72));
        }
        made.put("evidence requested from the buyer", asked);

        Long answered = escalated(delivered, "It stopped working after a day. 用了一天就坏了。");
        if (answered != null) {
            arbitration.take(answered, agent);
            arbitration.requestEvidence(answered, agent, null, Party.BOTH,
                    "Buyer: a video of the fault. Seller: the test record. 买家：故障视频；卖家：出厂检测记录。",
                    Duration.ofHours(72));
            arbitration.answerEvidence(answered, buyerOf(answered), null,
                    "The screen stays dark when charging. 充电时屏幕不亮。", List.of());
            arbitration.answerEvidence(answered, sellerOf(answered), null,
                    "Every unit is tested before shipping. 每台出厂前都经过检测。", List.of());
            interventions.markForReview(answered,
                    "buyer and seller tell different stories: compare both answers 双方说法不一，请对照两方答复");
        }
        made.put("evidence answered by both", answered);

        Long timingOut = escalated(delivered, "Smaller than the listing says. 尺寸比标注小。");
        if (timingOut != null) {
            arbitration.take(timingOut, agent);
            arbitration.requestEvidence(timingOut, agent, null, Party.SELLER,
                    "The size chart you ship with. 随货尺码表。", Duration.ofMinutes(2));
        }
        made.put("evidence request timing out 2 minutes after loading", timingOut);

        Long decided = escalated(delivered, "Two of the four mugs are chipped. 四个杯子有两个磕破。");
        if (decided != null) {
            arbitration.take(decided, agent);
            arbitration.decide(decided, agent, null, new DecisionCommand(DecisionOutcome.PARTIAL_REFUND,
                    half(decided), "The photos show damage to part of the goods. 照片显示部分商品损坏。", "R-5.1",
                    null, PenaltyKind.WARNING, 0, null, "Poor packing. 包装不当。", null));
        }
        made.put("decided, appeal window open", decided);

        Long appealed = escalated(delivered, "The item never worked. 商品从未正常工作。");
        if (appealed != null) {
            arbitration.decide(appealed, agent, null, DecisionCommand.of(DecisionOutcome.REJECT, null,
                    "No evidence of a fault was sent. 未提供故障证据。", "R-8.1"));
            arbitration.appeal(appealed, buyerOf(appealed), null,
                    "I sent a video in the messages. 我已在留言中发送视频。", List.of());
        }
        made.put("appealed, waiting for a second agent", appealed);

        Long upheld = escalated(delivered, "Stitching came apart. 缝线开裂。");
        if (upheld != null) {
            arbitration.decide(upheld, agent, null, DecisionCommand.of(DecisionOutcome.PARTIAL_REFUND, half(upheld),
                    "Minor defect: part refund. 轻微瑕疵，部分退款。", "R-5.1"));
            arbitration.appeal(upheld, sellerOf(upheld), null, "The defect is cosmetic only. 仅为外观问题。",
                    List.of());
            arbitration.decide(upheld, agent2, null, DecisionCommand.of(null, null,
                    "The first decision stands. 维持原裁决。", "R-5.1"));
        }
        made.put("appeal decided (upheld), closed", upheld);

        Long raised = escalated(delivered, "Wrong model delivered. 发错型号。");
        if (raised != null) {
            arbitration.decide(raised, agent, null, DecisionCommand.of(DecisionOutcome.PARTIAL_REFUND, half(raised),
                    "Usable, but not as ordered. 可用但与订单不符。", "R-5.1"));
            arbitration.appeal(raised, buyerOf(raised), null, "I cannot use this model at all. 此型号完全无法使用。",
                    List.of());
            arbitration.decide(raised, agent2, null, new DecisionCommand(DecisionOutcome.FULL_REFUND, null,
                    "The wrong model is not usable for the buyer. 错发型号，买家无法使用。", "R-5.1", null,
                    PenaltyKind.POINTS, 2, null, "Wrong item shipped. 错发商品。", null));
        }
        made.put("appeal decided (refund raised), closed", raised);
        made.forEach((state, id) -> log.info("Demo arbitration {}: {}", state, id == null ? "no eligible order" : id));
    }

    /** Half of what the claim asks for (at least one fen). */
    private Money half(long claimId) {
        Money requested = claims.claim(claimId, reader()).requestedAmount();
        return new Money(Math.max(requested.minor() / 2, 1), requested.currency());
    }

    /** A refund-only quality claim on the next eligible order, rejected by the shop and escalated by the buyer. */
    private Long escalated(Deque<OrderDetails> queue, String description) {
        while (!queue.isEmpty()) {
            OrderDetails order = queue.poll();
            CurrentUser buyer = accounts.account(order.buyerId()).toCurrentUser();
            boolean available = claims.availability(order.id(), buyer).stream()
                    .filter(a -> a.type() == ClaimType.REFUND_ONLY).anyMatch(Availability::available);
            if (!available) {
                continue;
            }
            OrderDetails.Line line = order.lines().get(0);
            long id = claims.file(new FileClaim(order.id(), ClaimType.REFUND_ONLY, ClaimReason.QUALITY, Remedy.REFUND,
                    description, Map.of(line.id(), 1), null, UUID.randomUUID().toString(), List.of()), buyer);
            if (claims.claim(id, reader()).fastTracked()) {
                continue;
            }
            claims.reject(id, sellerOf(id), null, "The goods left our warehouse in perfect condition. 出库时完好无损。",
                    List.of());
            claims.escalate(id, buyer, null, "The seller refuses to help. 商家拒绝处理。");
            return id;
        }
        return null;
    }

    private CurrentUser buyerOf(long claimId) {
        return accounts.account(claims.claim(claimId, reader()).buyerId()).toCurrentUser();
    }

    private CurrentUser sellerOf(long claimId) {
        long shopId = claims.claim(claimId, reader()).shopId();
        String username = catalog.shop(shopId).code().equals("bamboo-home") ? "seller2"
                : catalog.shop(shopId).code().equals("pixel-gadgets") ? "seller3" : "seller";
        return accounts.byUsername(username).orElseThrow().toCurrentUser();
    }

    private static CurrentUser reader() {
        return new CurrentUser(0, "system", "System", dev.aftersales.shared.Role.AGENT, null);
    }
}
