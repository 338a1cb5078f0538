package dev.aftersales.shipping;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.aftersales.catalog.CatalogManagement;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.ordering.OrderStatus;
import dev.aftersales.shared.NoticeRequested;
import dev.aftersales.shared.Sweep;
import dev.aftersales.shared.SweepSettings;

/**
 * The tracking watchers (docs/system-cases.md#fake-tracking, docs/system-cases.md#stalled-tracking): tracking
 * numbers never scanned within the policy window of being entered are flagged as fake ({@link FakeTrackingFlagged}, table {@code tracking_flags}); parcels without carrier movement for
 * the stall period are noticed ({@link TrackingStalled}, table {@code tracking_stalls}) and their buyer is told.
 * Each finding is inserted with {@code on conflict do nothing}, so running a sweep twice, or on two nodes at once,
 * finds and announces it once. What is due is found through the parcel's own watch columns and partial indexes
 * (migration V19); the order's state comes through {@link OrderManagement}, never from ordering's tables.
 */
@Service
public class TrackingWatch {

    private final JdbcTemplate jdbc;
    private final CatalogManagement catalog;
    private final OrderManagement orders;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final SweepSettings settings;

    TrackingWatch(JdbcTemplate jdbc, CatalogManagement catalog, OrderManagement orders,
            ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactionManager,
            SweepSettings settings) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.orders = orders;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactionManager);
    }

    /**
     * Flags outbound tracking numbers entered longer ago than the first-scan window without any carrier scan. Drains
     * what is due in batches ({@link SweepSettings}); each parcel is claimed ({@code FOR NO KEY UPDATE SKIP LOCKED})
     * and flagged in its own transaction.
     *
     * @return how many were flagged now
     */
    public int flagScanless() {
        Instant now = clock.instant();
        deriveWatchColumns();
        Instant cutoff = now.minus(catalog.platformPolicy().firstScanWithin());
        return Sweep.run("Fake-tracking watcher", settings, (Parcel after, Integer limit) -> scanlessDue(cutoff, after, limit),
                parcel -> Boolean.TRUE.equals(tx.execute(status -> flag(parcel, now)))).acted();
    }

    static final String SCANLESS_DUE = """
            select id, order_id, tracking_number, created_at from shipments
            where direction = 'OUTBOUND' and not first_scan_settled and last_movement_at is not null
              and created_at <= ? and (created_at, id) > (?, ?)
            order by created_at, id limit ?""";

    List<Parcel> scanlessDue(Instant cutoff, Parcel after, int limit) {
        return jdbc.query(SCANLESS_DUE, Parcel::map, Timestamp.from(cutoff),
                Timestamp.from(after == null ? Instant.EPOCH : after.at()), after == null ? 0L : after.id(), limit);
    }

    private boolean flag(Parcel parcel, Instant now) {
        if (jdbc.queryForList("""
                select id from shipments where id = ? and not first_scan_settled for no key update skip locked""",
                Long.class, parcel.id()).isEmpty()) {
            return false; // another node checks it, or it was settled meanwhile
        }
        boolean scanned = Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from tracking_events where shipment_id = ?)", Boolean.class, parcel.id()));
        OrderDetails order = orders.details(parcel.orderId());
        jdbc.update("update shipments set first_scan_settled = true where id = ?", parcel.id());
        if (scanned || order.status() == OrderStatus.CANCELLED) {
            return false;
        }
        int n = jdbc.update("""
                insert into tracking_flags (shipment_id, order_id, shop_id, tracking_number, entered_at,
                  flagged_at) values (?, ?, ?, ?, ?, ?) on conflict (shipment_id) do nothing""",
                parcel.id(), parcel.orderId(), order.shopId(), parcel.trackingNumber(), Timestamp.from(parcel.at()),
                Timestamp.from(now));
        if (n == 1) {
            events.publishEvent(new FakeTrackingFlagged(parcel.id(), parcel.orderId(), order.shopId(),
                    parcel.trackingNumber(), parcel.at(), now));
            events.publishEvent(new NoticeRequested("fake-tracking:shipment:" + parcel.id(), null, order.shopId(),
                    "watchers.notice.fakeTracking", List.of(order.orderNumber(), parcel.trackingNumber()), null,
                    "/seller/orders/" + parcel.orderId(), now));
        }
        return n == 1;
    }

    /**
     * Notices outbound parcels, not delivered nor returned, of shipped orders whose last movement (or shipping,
     * without scans) is older than the stall period, and tells their buyer, once per standstill. Drains what is due in
     * batches; each parcel is claimed ({@code FOR NO KEY UPDATE SKIP LOCKED}) in its own transaction.
     *
     * @return how many standstills were noticed now
     */
    public int noticeStalls() {
        Instant now = clock.instant();
        deriveWatchColumns();
        Instant cutoff = now.minus(catalog.platformPolicy().trackingStall());
        return Sweep.run("Stalled-tracking watcher", settings, (Parcel after, Integer limit) -> stallsDue(cutoff, after, limit),
                parcel -> Boolean.TRUE.equals(tx.execute(status -> noticeStall(parcel, cutoff, now)))).acted();
    }

    static final String STALLS_DUE = """
            select id, order_id, tracking_number, last_movement_at from shipments
            where direction = 'OUTBOUND' and not tracking_ended and stall_noticed_for is distinct from last_movement_at
              and last_movement_at < ? and (last_movement_at, id) > (?, ?)
            order by last_movement_at, id limit ?""";

    List<Parcel> stallsDue(Instant cutoff, Parcel after, int limit) {
        return jdbc.query(STALLS_DUE, Parcel::map, Timestamp.from(cutoff),
                Timestamp.from(after == null ? Instant.EPOCH : after.at()), after == null ? 0L : after.id(), limit);
    }

    private boolean noticeStall(Parcel parcel, Instant cutoff, Instant now) {
        List<Timestamp> locked = jdbc.queryForList("""
                select last_movement_at from shipments where id = ? and not tracking_ended
                  and stall_noticed_for is distinct from last_movement_at and last_movement_at < ?
                for no key update skip locked""", Timestamp.class, parcel.id(), Timestamp.from(cutoff));
        if (locked.isEmpty()) {
            return false; // another node has it, or it moved meanwhile
        }
        Instant last = locked.get(0).toInstant();
        jdbc.update("update shipments set stall_noticed_for = last_movement_at where id = ?", parcel.id());
        OrderDetails order = orders.details(parcel.orderId());
        if (order.status() != OrderStatus.SHIPPED) {
            return false; // delivered or cancelled: nobody waits for this parcel
        }
        int n = jdbc.update("""
                insert into tracking_stalls (shipment_id, order_id, last_movement_at, noticed_at)
                values (?, ?, ?, ?) on conflict (shipment_id, last_movement_at) do nothing""",
                parcel.id(), parcel.orderId(), Timestamp.from(last), Timestamp.from(now));
        if (n == 1) {
            events.publishEvent(new TrackingStalled(parcel.id(), parcel.orderId(), parcel.trackingNumber(), last, now));
            events.publishEvent(new NoticeRequested(
                    "tracking-stalled:shipment:" + parcel.id() + ":" + last.toEpochMilli(), order.buyerId(), null,
                    "watchers.notice.trackingStalled", List.of(order.orderNumber(), parcel.trackingNumber()),
                    "/buyer/orders/" + parcel.orderId(), null, now));
        }
        return n == 1;
    }

    /**
     * Derives the watchers' columns of parcels written without them (in bulk, or before the columns existed) from
     * their scans, flags and notices, set-based in bounded batches.
     *
     * @return how many parcels were derived
     */
    int deriveWatchColumns() {
        int derived = 0;
        long deadline = System.nanoTime() + settings.getMaxRunTime().toNanos();
        while (System.nanoTime() - deadline < 0) {
            Integer n = tx.execute(status -> jdbc.update(DERIVE, DERIVE_BATCH));
            if (n == null || n == 0) {
                break;
            }
            derived += n;
        }
        return derived;
    }

    private static final int DERIVE_BATCH = 5000;

    static final String DERIVE = """
            update shipments s set
              last_movement_at = coalesce(m.last_at, s.shipped_at),
              tracking_ended = coalesce(m.ended, false),
              first_scan_settled = m.last_at is not null
                or exists (select 1 from tracking_flags f where f.shipment_id = s.id),
              stall_noticed_for = (select max(t.last_movement_at) from tracking_stalls t where t.shipment_id = s.id)
            from (select b.id, max(e.occurred_at) as last_at,
                         bool_or(e.kind in ('DELIVERED', 'RETURNED_TO_SENDER')) as ended
                  from (select id from shipments where last_movement_at is null order by id limit ?
                        for update skip locked) b
                  left join tracking_events e on e.shipment_id = b.id group by b.id) m
            where s.id = m.id""";

    // ------------------------------------------------------------------------------------------ flags to follow up

    static final String FLAGS_TO_FOLLOW_UP = """
            select id, order_id, shipment_id, flagged_at from tracking_flags
            where followed_up_at is null and (flagged_at, id) > (?, ?)
            order by flagged_at, id limit ?""";

    /**
     * Fake-tracking flags nobody has followed up yet (for the ship-by watcher: a NO_TRACKING case once ship-by has
     * passed), by flagging time then id, after the given one ({@code null}: from the first).
     */
    @Transactional(readOnly = true)
    public List<OpenFlag> flagsToFollowUp(OpenFlag after, int limit) {
        return jdbc.query(FLAGS_TO_FOLLOW_UP,
                (rs, i) -> new OpenFlag(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getTimestamp(4).toInstant()),
                Timestamp.from(after == null ? Instant.EPOCH : after.flaggedAt()), after == null ? 0L : after.flagId(),
                limit);
    }

    /**
     * Claims a flag for following it up in the caller's transaction: locked until that transaction ends, so one node
     * at a time follows it up. False when another node holds it or it was followed up meanwhile.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claimFlag(long flagId) {
        return !jdbc.queryForList("""
                select id from tracking_flags where id = ? and followed_up_at is null for no key update skip locked""",
                Long.class, flagId).isEmpty();
    }

    /** Notes that the order's flags raised so far have been followed up. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void followedUp(long orderId, Instant at) {
        jdbc.update("update tracking_flags set followed_up_at = ? where order_id = ? and followed_up_at is null",
                Timestamp.from(at), orderId);
    }

    /** A fake-tracking flag waiting to be followed up. */
    public record OpenFlag(long flagId, long orderId, long shipmentId, Instant flaggedAt) {
    }

    /** A parcel due for a watcher, with the time its keyset orders by (entered, or last movement). */
    record Parcel(long id, long orderId, String trackingNumber, Instant at) {

        static Parcel map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
            return new Parcel(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant());
        }
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
