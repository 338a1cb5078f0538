package dev.aftersales.ordering;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paid orders still unshipped after their ship-by time, for the ship-by watcher of the claims module: which are late
 * and not yet acted on, a way to claim one for acting on it (one node at a time), and the note that the desk acted on
 * it ({@code orders.ship_by_lapse_noted_at}), after which the order is no longer listed. Backed by ordering's own
 * partial index {@code orders_ship_by_lapse_idx}, so listing costs what is due, not what the desk holds.
 */
@Service
public class ShipByLapses {

    static final String LATE_UNSHIPPED = """
            select id, ship_by from orders
            where status = 'AWAITING_SHIPMENT' and ship_by_lapse_noted_at is null and ship_by < ?
              and (ship_by, id) > (?, ?)
            order by ship_by, id limit ?""";

    private final JdbcTemplate jdbc;

    ShipByLapses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Unshipped orders whose ship-by time is before {@code now} and whose lapse has not been noted, by ship-by time
     * then id, starting after {@code after} ({@code null}: from the first).
     */
    @Transactional(readOnly = true)
    public List<LateOrder> lateUnshipped(Instant now, LateOrder after, int limit) {
        Instant afterShipBy = after == null ? Instant.EPOCH : after.shipBy();
        long afterId = after == null ? 0L : after.orderId();
        return jdbc.query(LATE_UNSHIPPED, (rs, i) -> new LateOrder(rs.getLong(1), rs.getTimestamp(2).toInstant()),
                Timestamp.from(now), Timestamp.from(afterShipBy), afterId, limit);
    }

    /**
     * Claims a late unshipped order for the caller's transaction: its row is locked until that transaction ends, so
     * the order is acted on by one node at a time. False when another node holds it, or it has shipped, was
     * cancelled, or its lapse was noted meanwhile.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claim(long orderId, Instant now) {
        return !jdbc.queryForList("""
                select id from orders where id = ? and status = 'AWAITING_SHIPMENT' and ship_by_lapse_noted_at is null
                  and ship_by < ? for no key update skip locked""", Long.class, orderId, Timestamp.from(now))
                .isEmpty();
    }

    /**
     * Claims several late unshipped orders at once, as {@link #claim} does one.
     *
     * @return the ids claimed, in ascending order (the others are held by another node, or no longer late)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> claimAll(List<Long> orderIds, Instant now) {
        return jdbc.queryForList("""
                select id from orders where id = any (?) and status = 'AWAITING_SHIPMENT'
                  and ship_by_lapse_noted_at is null and ship_by < ? order by id for no key update skip locked""",
                Long.class, orderIds.toArray(Long[]::new), Timestamp.from(now));
    }

    /** Notes, as {@link #noteActedOn} does, that the desk acted on several orders. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void noteActedOn(List<Long> orderIds, Instant at) {
        if (!orderIds.isEmpty()) {
            jdbc.update("""
                    update orders set ship_by_lapse_noted_at = ? where id = any (?) and ship_by_lapse_noted_at is null""",
                    Timestamp.from(at), orderIds.toArray(Long[]::new));
        }
    }

    /** Notes that the desk acted on the order's missed ship-by time; it is no longer listed as late. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void noteActedOn(long orderId, Instant at) {
        jdbc.update("update orders set ship_by_lapse_noted_at = ? where id = ? and ship_by_lapse_noted_at is null",
                Timestamp.from(at), orderId);
    }

    /** An unshipped order past its ship-by time. */
    public record LateOrder(long orderId, Instant shipBy) {
    }
}
