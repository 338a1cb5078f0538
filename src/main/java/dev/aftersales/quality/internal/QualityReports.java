package dev.aftersales.quality.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.aftersales.catalog.CatalogManagement;
import dev.aftersales.claims.ClaimReason;
import dev.aftersales.shared.Money;

/**
 * A shop's product-quality report over the last 30 or 90 days (docs/quality.md), read from the daily counters only
 * (never the claims): four statements whatever the number of products, claims or days. The flags always compare the
 * last 30 days of a product with the shop's last 90 days, whichever window the page shows.
 */
@Service
@Transactional(readOnly = true)
public class QualityReports {

    /** The windows the page offers, in days. */
    public static final Set<Integer> WINDOWS = Set.of(30, 90);
    static final int FLAG_DAYS = 30;
    static final int NORMAL_DAYS = 90;

    /** The counters of one shop per SKU and reason in the last 90 days, split into the last 30 days and before. */
    static final String BY_SKU_AND_REASON = """
            select sku, reason, day >= ? as recent, sum(claims), sum(claimed_units), sum(short_corroborated),
                   sum(refunds), sum(refunded_units), sum(refunded_minor)
            from quality_daily where shop_id = ? and day between ? and ?
            group by 1, 2, 3""";
    /** Units sold of one shop per SKU in the last 90 days, split the same way. */
    static final String SOLD_BY_SKU = """
            select sku, day >= ? as recent, sum(units), sum(orders)
            from quality_units_sold where shop_id = ? and day between ? and ?
            group by 1, 2""";
    /** The days of one window: claims, refunds and refunded units per reason and day. */
    static final String BY_DAY = """
            select d.day, d.reason, sum(d.claims), sum(d.refunds), sum(d.refunded_units)
            from quality_daily d where d.shop_id = ? and d.day between ? and ?
            group by d.day, d.reason""";
    /** Units sold per day, and the titles of the shop's SKUs with figures (one statement). */
    static final String SOLD_BY_DAY_AND_TITLES = """
            select 'D' as kind, day::text as k, sum(units) as n, null as title, null::bigint as product_id
            from quality_units_sold where shop_id = ? and day between ? and ? group by day
            union all
            select 'P', sku, 0, title, product_id from quality_products where shop_id = ?""";

    /** The claims of one SKU of a shop filed since a time, newest first. */
    static final String CLAIMS_OF = """
            select claim_id, claim_number, type, reason, units, short_corroborated, filed_at
            from quality_claims where shop_id = ? and sku = ? and filed_at >= ?
            order by filed_at desc, claim_id desc limit 200""";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final QualitySettings settings;
    private final CatalogManagement catalog;

    QualityReports(JdbcTemplate jdbc, Clock clock, @Value("${aftersales.display-zone:Asia/Shanghai}") ZoneId zone,
            QualitySettings settings, CatalogManagement catalog) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
        this.settings = settings;
        this.catalog = catalog;
    }

    /** Today in the display zone: the last day of every window. */
    public LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    /**
     * The report of the shop over the last {@code days} days (30 or 90; anything else is 30).
     */
    public QualityReport report(long shopId, int days) {
        int window = WINDOWS.contains(days) ? days : FLAG_DAYS;
        String shopName = catalog.shop(shopId).name();
        LocalDate to = today();
        LocalDate from90 = to.minusDays(NORMAL_DAYS - 1);
        LocalDate from30 = to.minusDays(FLAG_DAYS - 1);
        LocalDate from = to.minusDays(window - 1);

        Map<String, Acc> recent = new LinkedHashMap<>();
        Map<String, Acc> all = new LinkedHashMap<>();
        Map<String, Map<ClaimReason, Acc>> byReason = new LinkedHashMap<>();
        jdbc.query(BY_SKU_AND_REASON, rs -> {
            String sku = rs.getString(1);
            ClaimReason reason = reason(rs.getString(2));
            if (reason == null) {
                return;
            }
            boolean isRecent = rs.getBoolean(3);
            long[] v = { rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9) };
            boolean quality = settings.isQuality(reason);
            all.computeIfAbsent(sku, k -> new Acc()).add(v, quality);
            if (isRecent) {
                recent.computeIfAbsent(sku, k -> new Acc()).add(v, quality);
            }
            if (isRecent || window == NORMAL_DAYS) {
                byReason.computeIfAbsent(sku, k -> new EnumMap<>(ClaimReason.class))
                        .computeIfAbsent(reason, k -> new Acc()).add(v, quality);
            }
        }, Date.valueOf(from30), shopId, Date.valueOf(from90), Date.valueOf(to));
        jdbc.query(SOLD_BY_SKU, rs -> {
            String sku = rs.getString(1);
            all.computeIfAbsent(sku, k -> new Acc()).sold(rs.getLong(3), rs.getLong(4));
            if (rs.getBoolean(2)) {
                recent.computeIfAbsent(sku, k -> new Acc()).sold(rs.getLong(3), rs.getLong(4));
            }
        }, Date.valueOf(from30), shopId, Date.valueOf(from90), Date.valueOf(to));

        Map<LocalDate, Acc> byDay = new HashMap<>();
        jdbc.query(BY_DAY, rs -> {
            ClaimReason reason = reason(rs.getString(2));
            if (reason == null) {
                return;
            }
            Acc a = byDay.computeIfAbsent(rs.getDate(1).toLocalDate(), k -> new Acc());
            a.claims += rs.getLong(3);
            a.refunds += rs.getLong(4);
            a.refundedUnits += rs.getLong(5);
            if (settings.isQuality(reason)) {
                a.qualityClaims += rs.getLong(3);
                a.qualityRefunds += rs.getLong(4);
                a.qualityRefundedUnits += rs.getLong(5);
            }
        }, shopId, Date.valueOf(from), Date.valueOf(to));
        Map<String, String[]> titles = new HashMap<>();
        jdbc.query(SOLD_BY_DAY_AND_TITLES, rs -> {
            if ("D".equals(rs.getString(1))) {
                byDay.computeIfAbsent(LocalDate.parse(rs.getString(2)), k -> new Acc()).unitsSold += rs.getLong(3);
            } else {
                long productId = rs.getLong(5);
                titles.put(rs.getString(2), new String[] { rs.getString(4), rs.wasNull() ? null : "" + productId });
            }
        }, shopId, Date.valueOf(from), Date.valueOf(to), shopId);

        Acc shop90 = new Acc();
        all.values().forEach(shop90::plus);
        Map<String, Acc> inWindow = window == NORMAL_DAYS ? all : recent;
        Acc shopWindow = new Acc();
        inWindow.values().forEach(shopWindow::plus);

        List<QualityReport.ProductRow> rows = new ArrayList<>();
        for (Map.Entry<String, Acc> e : inWindow.entrySet()) {
            String sku = e.getKey();
            Acc a = e.getValue();
            if (a.isEmpty()) {
                continue;
            }
            String[] t = titles.getOrDefault(sku, new String[] { sku, null });
            Acc a30 = recent.getOrDefault(sku, new Acc());
            boolean flagged = flagged(a30, shop90);
            List<QualityReport.ReasonRow> reasons = new ArrayList<>();
            byReason.getOrDefault(sku, Map.of()).forEach((reason, r) -> reasons.add(new QualityReport.ReasonRow(
                    reason, settings.isQuality(reason), r.claims, r.claimedUnits, r.refunds, r.refundedUnits,
                    Money.fen(r.refundedMinor))));
            rows.add(new QualityReport.ProductRow(sku, t[1] == null ? null : Long.valueOf(t[1]), t[0],
                    a.unitsSold, a.orders, a.claims, a.qualityClaims, a.refunds, a.refundedUnits,
                    Money.fen(a.refundedMinor), a.qualityRefunds, a.qualityRefundedUnits, a.shortCorroborated,
                    rate(a.qualityRefundedUnits, a.unitsSold), flagged, rate(a30.qualityRefundedUnits, a30.unitsSold),
                    a30.qualityRefunds, List.copyOf(reasons)));
        }
        rows.sort(Comparator.comparing(QualityReport.ProductRow::flagged).reversed()
                .thenComparing(QualityReport.ProductRow::qualityRefundedUnits, Comparator.reverseOrder())
                .thenComparing(QualityReport.ProductRow::claims, Comparator.reverseOrder())
                .thenComparing(QualityReport.ProductRow::sku));

        boolean weekly = window == NORMAL_DAYS;
        List<QualityReport.TrendPoint> trend = new ArrayList<>();
        int step = weekly ? 7 : 1;
        for (LocalDate start = weekly ? to.minusDays(to.getDayOfWeek().getValue() - 1L) : to; !start.plusDays(step - 1L)
                .isBefore(from); start = start.minusDays(step)) {
            LocalDate first = start.isBefore(from) ? from : start;
            LocalDate last = start.plusDays(step - 1L).isAfter(to) ? to : start.plusDays(step - 1L);
            Acc sum = new Acc();
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                Acc day = byDay.get(d);
                if (day != null) {
                    sum.plus(day);
                }
            }
            trend.add(new QualityReport.TrendPoint(first, last, sum.unitsSold, sum.claims, sum.qualityClaims,
                    sum.qualityRefunds, sum.qualityRefundedUnits, rate(sum.qualityRefundedUnits, sum.unitsSold)));
        }
        java.util.Collections.reverse(trend);

        QualityReport.Totals totals = new QualityReport.Totals(shopWindow.unitsSold, shopWindow.claims,
                shopWindow.qualityClaims, shopWindow.refunds, shopWindow.refundedUnits,
                Money.fen(shopWindow.refundedMinor), shopWindow.qualityRefunds, shopWindow.qualityRefundedUnits,
                shopWindow.shortCorroborated, rate(shopWindow.qualityRefundedUnits, shopWindow.unitsSold),
                rate(shop90.qualityRefundedUnits, shop90.unitsSold));
        return new QualityReport(shopId, shopName, window, from, to, weekly, totals, List.copyOf(rows),
                List.copyOf(trend), settings.reasons().stream().sorted().toList(), settings.flagRatio(),
                settings.flagMinRefunds());
    }

    /**
     * The flag rule: at least {@code flagMinRefunds} quality refunds in the last 30 days, and a 30-day quality-refund
     * rate above {@code flagRatio} times the shop's 90-day rate (a product with such refunds but no unit sold in the
     * 30 days counts as above it).
     */
    boolean flagged(Acc last30, Acc shop90) {
        if (last30.qualityRefunds < settings.flagMinRefunds()) {
            return false;
        }
        if (last30.unitsSold <= 0 || shop90.unitsSold <= 0) {
            return true;
        }
        // rate30 > ratio * rate90  <=>  q30 * sold90 > ratio * q90 * sold30 (no division)
        BigDecimal left = BigDecimal.valueOf(last30.qualityRefundedUnits).multiply(BigDecimal.valueOf(shop90.unitsSold));
        BigDecimal right = BigDecimal.valueOf(settings.flagRatio())
                .multiply(BigDecimal.valueOf(shop90.qualityRefundedUnits))
                .multiply(BigDecimal.valueOf(last30.unitsSold));
        return left.compareTo(right) > 0;
    }

    /** The reason a counter was kept under; {@code null} for a name this version does not know (left out). */
    private static ClaimReason reason(String name) {
        try {
            return ClaimReason.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A percentage with one decimal, {@code null} when nothing was sold. */
    static BigDecimal rate(long part, long whole) {
        if (whole <= 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), 1,
                RoundingMode.HALF_UP);
    }

    /** Claims of one SKU of the shop filed in the last {@code days} days, newest first (at most 200). */
    public List<QualityReport.ClaimRow> claimsOf(long shopId, String sku, int days) {
        int window = WINDOWS.contains(days) ? days : FLAG_DAYS;
        LocalDate from = today().minusDays(window - 1);
        return jdbc.query(CLAIMS_OF, (rs, i) -> {
            ClaimReason reason = reason(rs.getString(4));
            return reason == null ? null : new QualityReport.ClaimRow(rs.getLong(1), rs.getString(2),
                    rs.getString(3), reason, settings.isQuality(reason), rs.getInt(5), rs.getBoolean(6),
                    rs.getTimestamp(7).toInstant());
        }, shopId, sku, java.sql.Timestamp.from(from.atStartOfDay(zone).toInstant())).stream()
                .filter(java.util.Objects::nonNull).toList();
    }

    /** Sums of counters. */
    static final class Acc {
        long claims, claimedUnits, shortCorroborated, refunds, refundedUnits, refundedMinor;
        long qualityClaims, qualityRefunds, qualityRefundedUnits;
        long unitsSold, orders;

        void add(long[] v, boolean quality) {
            claims += v[0];
            claimedUnits += v[1];
            shortCorroborated += v[2];
            refunds += v[3];
            refundedUnits += v[4];
            refundedMinor = Math.addExact(refundedMinor, v[5]);
            if (quality) {
                qualityClaims += v[0];
                qualityRefunds += v[3];
                qualityRefundedUnits += v[4];
            }
        }

        void sold(long units, long orderCount) {
            unitsSold += units;
            orders += orderCount;
        }

        void plus(Acc o) {
            claims += o.claims;
            claimedUnits += o.claimedUnits;
            shortCorroborated += o.shortCorroborated;
            refunds += o.refunds;
            refundedUnits += o.refundedUnits;
            refundedMinor = Math.addExact(refundedMinor, o.refundedMinor);
            qualityClaims += o.qualityClaims;
            qualityRefunds += o.qualityRefunds;
            qualityRefundedUnits += o.qualityRefundedUnits;
            unitsSold += o.unitsSold;
            orders += o.orders;
        }

        boolean isEmpty() {
            return claims == 0 && refunds == 0 && refundedMinor == 0 && unitsSold == 0 && orders == 0;
        }
    }
}
