package dev.aftersales.shipping;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.aftersales.catalog.CatalogManagement;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.shared.NoticeRequested;

/**
 * The tracking watchers (docs/system-cases.md#fake-tracking, docs/system-cases.md#stalled-tracking): tracking
 * numbers never scanned within the policy window of being entered are flagged as fake ({@link FakeTrackingFlagged}, table {@code tracking_flags}); parcels without carrier movement for
 * the stall period are noticed ({@link TrackingStalled}, table {@code tracking_stalls}) and their buyer is told.
 * Each finding is inserted with {@code on conflict do nothing}, so running a sweep twice, or on two nodes at once,
 * finds and announces it once.
 */
@Service
public class TrackingWatch {

    private static final int BATCH = 200;

    private final JdbcTemplate jdbc;
    private final CatalogManagement catalog;
    private final OrderManagement orders;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;

    TrackingWatch(JdbcTemplate jdbc, CatalogManagement catalog, OrderManagement orders,
            ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.orders = orders;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactionManager);
    }

    /**
     * Flags outbound tracking numbers entered longer ago than the first-scan window without any carrier scan.
     *
     * @return how many were flagged now
     */
    public int flagScanless() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(catalog.platformPolicy().firstScanWithin());
        List<Object[]> due = jdbc.query("""
                select s.id, s.order_id, o.shop_id, s.tracking_number, s.created_at from shipments s
                join orders o on o.id = s.order_id
                where s.direction = 'OUTBOUND' and s.created_at <= ? and o.status <> 'CANCELLED'
                  and not exists (select 1 from tracking_events e where e.shipment_id = s.id)
                  and not exists (select 1 from tracking_flags f where f.shipment_id = s.id)
                order by s.created_at limit ?""",
                (rs, i) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant() },
                Timestamp.from(cutoff), BATCH);
        int flagged = 0;
        for (Object[] row : due) {
            Boolean inserted = tx.execute(status -> {
                int n = jdbc.update("""
                        insert into tracking_flags (shipment_id, order_id, shop_id, tracking_number, entered_at,
                          flagged_at) values (?, ?, ?, ?, ?, ?) on conflict (shipment_id) do nothing""",
                        row[0], row[1], row[2], row[3], Timestamp.from((Instant) row[4]), Timestamp.from(now));
                if (n == 1) {
                    long shipmentId = (Long) row[0];
                    long orderId = (Long) row[1];
                    long shopId = (Long) row[2];
                    OrderDetails order = orders.details(orderId);
                    events.publishEvent(new FakeTrackingFlagged(shipmentId, orderId, shopId, (String) row[3],
                            (Instant) row[4], now));
                    events.publishEvent(new NoticeRequested("fake-tracking:shipment:" + shipmentId, null, shopId,
                            "watchers.notice.fakeTracking", List.of(order.orderNumber(), (String) row[3]), null,
                            "/seller/orders/" + orderId, now));
                }
                return n == 1;
            });
            if (Boolean.TRUE.equals(inserted)) {
                flagged++;
            }
        }
        return flagged;
    }

    /**
     * Notices outbound parcels, not delivered nor returned, whose last movement (or shipping, without scans) is older
     * than the stall period, and tells their buyer.
     *
     * @return how many standstills were noticed now
     */
    public int noticeStalls() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(catalog.platformPolicy().trackingStall());
        List<Object[]> due = jdbc.query("""
                select s.id, s.order_id, s.tracking_number, coalesce(max(e.occurred_at), s.shipped_at) as last_at
                from shipments s join orders o on o.id = s.order_id
                left join tracking_events e on e.shipment_id = s.id
                where s.direction = 'OUTBOUND' and o.status = 'SHIPPED'
                group by s.id, s.order_id, s.tracking_number, s.shipped_at
                having coalesce(max(e.occurred_at), s.shipped_at) < ?
                  and coalesce(bool_or(e.kind in ('DELIVERED', 'RETURNED_TO_SENDER')), false) = false
                  and not exists (select 1 from tracking_stalls t where t.shipment_id = s.id
                                  and t.last_movement_at = coalesce(max(e.occurred_at), s.shipped_at))
                order by last_at limit ?""",
                (rs, i) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant() },
                Timestamp.from(cutoff), BATCH);
        int noticed = 0;
        for (Object[] row : due) {
            Boolean inserted = tx.execute(status -> {
                int n = jdbc.update("""
                        insert into tracking_stalls (shipment_id, order_id, last_movement_at, noticed_at)
                        values (?, ?, ?, ?) on conflict (shipment_id, last_movement_at) do nothing""",
                        row[0], row[1], Timestamp.from((Instant) row[3]), Timestamp.from(now));
                if (n == 1) {
                    long shipmentId = (Long) row[0];
                    long orderId = (Long) row[1];
                    Instant last = (Instant) row[3];
                    OrderDetails order = orders.details(orderId);
                    events.publishEvent(new TrackingStalled(shipmentId, orderId, (String) row[2], last, now));
                    events.publishEvent(new NoticeRequested(
                            "tracking-stalled:shipment:" + shipmentId + ":" + last.toEpochMilli(), order.buyerId(),
                            null, "watchers.notice.trackingStalled", List.of(order.orderNumber(), (String) row[2]),
                            "/buyer/orders/" + orderId, null, now));
                }
                return n == 1;
            });
            if (Boolean.TRUE.equals(inserted)) {
                noticed++;
            }
        }
        return noticed;
    }

    /** The fake-tracking flags on an order's parcels. */
    @Transactional(readOnly = true)
    public List<Flag> flagsOf(long orderId) {
        return jdbc.query("""
                select shipment_id, tracking_number, entered_at, flagged_at from tracking_flags where order_id = ?
                order by flagged_at""",
                (rs, i) -> new Flag(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant()), orderId);
    }

    /** The standstills noticed on an order's parcels, newest first. */
    @Transactional(readOnly = true)
    public List<Stall> stallsOf(long orderId) {
        return jdbc.query("""
                select shipment_id, last_movement_at, noticed_at from tracking_stalls where order_id = ?
                order by noticed_at desc""",
                (rs, i) -> new Stall(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()),
                orderId);
    }

    /** A tracking number flagged as fake. */
    public record Flag(long shipmentId, String trackingNumber, Instant enteredAt, Instant flaggedAt) {
    }

    /** A standstill of a parcel. */
    public record Stall(long shipmentId, Instant lastMovementAt, Instant noticedAt) {
    }
}
