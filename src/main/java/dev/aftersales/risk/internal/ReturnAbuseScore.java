package dev.aftersales.risk.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.InspectionResult;
import dev.aftersales.claims.WeightVerdict;
import dev.aftersales.risk.BuyerRisk;

/**
 * The written rule of the return-abuse score: seven signals, each worth a fixed number of points per occurrence up
 * to a cap, summed and capped at 100. Claims and orders count over the last 90 days; agent abuse flags and linked
 * accounts count whenever they were recorded.
 *
 * <pre>
 * signal        counts                                           points
 * CLAIM_RATE    buyer claims / orders in 90 days (from 2 claims)  25 × rate, at most 25
 * RETURNS       return and exchange claims in 90 days             3 per return after the first, at most 10
 * INSPECTED     returns inspected as used, damaged, wrong, parts  15 each, at most 30
 * WEIGHT        claims the parcel weight contradicts              15 each, at most 30
 * FLAGS         agent abuse flags                                 20 each, at most 40
 * QUICK_CLAIMS  claims filed within 2 h of delivery               5 per claim after the first, at most 10
 * LINKED        accounts sharing a phone or an address            10 each, at most 20
 * </pre>
 * At most {@link #LINKS_READ} linked accounts are read and shown per buyer (the signal then says "10+"): two already
 * give the signal's 20 points, and a value hundreds of accounts share (a campus, a parcel locker) must not make each
 * of their events rescore hundreds of buyers that each read hundreds of links.
 */
public final class ReturnAbuseScore {

    public static final Duration WINDOW = Duration.ofDays(90);
    /** How many linked accounts a buyer's score reads, shows and rescores with it. */
    public static final int LINKS_READ = 10;
    static final Duration QUICK = Duration.ofHours(2);
    private static final Set<InspectionResult> BAD_INSPECTION = EnumSet.of(InspectionResult.USED,
            InspectionResult.DAMAGED, InspectionResult.WRONG_ITEM, InspectionResult.PARTS_MISSING);
    private static final Set<ClaimType> RETURNS = EnumSet.of(ClaimType.RETURN_REFUND, ClaimType.EXCHANGE);

    private ReturnAbuseScore() {
    }

    /** One of the buyer's claims as the score sees it; {@code deliveredAt} is the order's delivery, if any. */
    public record ClaimRow(long claimId, ClaimType type, Instant filedAt, boolean filedByBuyer,
            InspectionResult inspection, WeightVerdict weight, Instant deliveredAt) {
    }

    /** The buyer's history: orders and claims of the last 90 days, abuse flags, linked accounts. */
    /** What a buyer's score is computed from; {@code moreLinks}: more linked accounts exist than {@code links}. */
    public record History(long buyerId, int orders, List<ClaimRow> claims, int abuseFlags,
            List<BuyerRisk.LinkedAccount> links, boolean moreLinks) {

        public History(long buyerId, int orders, List<ClaimRow> claims, int abuseFlags,
                List<BuyerRisk.LinkedAccount> links) {
            this(buyerId, orders, claims, abuseFlags, links, false);
        }
    }

    public static BuyerRisk compute(History h, RiskSettings settings, Instant now) {
        List<ClaimRow> mine = h.claims().stream().filter(ClaimRow::filedByBuyer).toList();
        List<BuyerRisk.Signal> signals = new ArrayList<>();

        int claims = mine.size();
        int orders = h.orders();
        int ratePercent = orders == 0 ? (claims == 0 ? 0 : 100) : (int) Math.round(100.0 * claims / orders);
        int ratePoints = claims < 2 ? 0 : (int) Math.min(25, Math.round(25.0 * claims / Math.max(orders, 1)));
        signals.add(signal("CLAIM_RATE", List.of(claims, orders, ratePercent), ratePoints, 25));

        long returns = mine.stream().filter(c -> RETURNS.contains(c.type())).count();
        signals.add(signal("RETURNS", List.of(returns), (int) Math.min(10, 3 * Math.max(0, returns - 1)), 10));

        long inspected = mine.stream().filter(c -> c.inspection() != null && BAD_INSPECTION.contains(c.inspection()))
                .count();
        signals.add(signal("INSPECTED", List.of(inspected), (int) Math.min(30, 15 * inspected), 30));

        long contradicted = mine.stream().filter(c -> c.weight() == WeightVerdict.CONTRADICTS).count();
        signals.add(signal("WEIGHT", List.of(contradicted), (int) Math.min(30, 15 * contradicted), 30));

        signals.add(signal("FLAGS", List.of(h.abuseFlags()), Math.min(40, 20 * h.abuseFlags()), 40));

        List<Duration> afterDelivery = mine.stream().filter(c -> c.deliveredAt() != null)
                .map(c -> Duration.between(c.deliveredAt(), c.filedAt())).filter(d -> !d.isNegative()).sorted()
                .toList();
        long quick = afterDelivery.stream().filter(d -> d.compareTo(QUICK) < 0).count();
        Object median = afterDelivery.isEmpty() ? "—" : afterDelivery.get(afterDelivery.size() / 2);
        signals.add(signal("QUICK_CLAIMS", List.of(quick, median), (int) Math.min(10, 5 * Math.max(0, quick - 1)),
                10));

        int linked = h.links().size();
        signals.add(signal("LINKED", List.of(h.moreLinks() ? linked + "+" : linked), Math.min(20, 10 * linked), 20));

        int score = Math.min(100, signals.stream().mapToInt(BuyerRisk.Signal::points).sum());
        return new BuyerRisk(h.buyerId(), score, verdict(score, settings), List.copyOf(signals), h.links(), now);
    }

    public static BuyerRisk.Verdict verdict(int score, RiskSettings settings) {
        if (score >= settings.reviewScore()) {
            return BuyerRisk.Verdict.REVIEW;
        }
        if (score >= settings.watchScore()) {
            return BuyerRisk.Verdict.WATCH;
        }
        return BuyerRisk.Verdict.NORMAL;
    }

    private static BuyerRisk.Signal signal(String code, List<Object> args, int points, int max) {
        return new BuyerRisk.Signal(code, "risk.signal." + code, args, points, max);
    }
}
