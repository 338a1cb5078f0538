package dev.aftersales.ordering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The times of an order's life (paid, ship-by, shipped, delivered, cancelled) for read models kept by other modules:
 * the risk module refreshes its copy from here on every order event and rebuilds it from {@link #all()}.
 */
@Service
@Transactional(readOnly = true)
public class OrderFeed {

    private static final String SELECT = "select id, shop_id, buyer_id, paid_at, ship_by, shipped_at, delivered_at, "
            + "cancelled_at, cancellation_reason from orders";

    private final JdbcTemplate jdbc;

    OrderFeed(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One order's times; {@code cancellationReason} is {@code null} unless cancelled. */
    public record OrderTimes(long orderId, long shopId, long buyerId, Instant paidAt, Instant shipBy,
            Instant shippedAt, Instant deliveredAt, Instant cancelledAt, CancellationReason cancellationReason) {

        /** Shipped after its ship-by time. */
        public boolean shippedLate() {
            return shippedAt != null && shippedAt.isAfter(shipBy);
        }
    }

    public Optional<OrderTimes> of(long orderId) {
        return jdbc.query(SELECT + " where id = ?", OrderFeed::map, orderId).stream().findFirst();
    }

    /** Every order paid at or after {@code since}, oldest first. */
    public List<OrderTimes> paidSince(Instant since) {
        return jdbc.query(SELECT + " where paid_at >= ? order by paid_at, id", OrderFeed::map,
                Timestamp.from(since));
    }

    private static OrderTimes map(ResultSet rs, int i) throws SQLException {
        String reason = rs.getString(9);
        return new OrderTimes(rs.getLong(1), rs.getLong(2), rs.getLong(3), instant(rs, 4), instant(rs, 5),
                instant(rs, 6), instant(rs, 7), instant(rs, 8), reason == null ? null
                        : CancellationReason.valueOf(reason));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
