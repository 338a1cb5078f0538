package dev.aftersales.ordering;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.aftersales.ordering.internal.Order;

/**
 * Holiday extension of ship-by times: every order still waiting to be shipped whose ship-by time falls in a range
 * gets more time, once per extension (each order's old and new time is recorded in {@code ship_by_extensions}; the
 * same extension applied again changes nothing).
 */
@Service
public class ShipByExtension {

    private final EntityManager em;
    private final JdbcTemplate jdbc;

    ShipByExtension(EntityManager em, JdbcTemplate jdbc) {
        this.em = em;
        this.jdbc = jdbc;
    }

    /** One order that got more time. */
    public record Extended(long orderId, String orderNumber, long shopId, long buyerId, Instant oldShipBy,
            Instant newShipBy) {
    }

    /**
     * Extends by {@code by} the ship-by time of every unshipped order due in [{@code from}, {@code to}), in the
     * caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Extended> extend(String extensionId, Duration by, Instant from, Instant to, Instant now) {
        List<Order> due = em.createQuery("""
                select o from Order o
                where o.status = dev.aftersales.ordering.OrderStatus.AWAITING_SHIPMENT
                  and o.shipBy >= :from and o.shipBy < :to
                order by o.id""", Order.class)
                .setParameter("from", from).setParameter("to", to)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        List<Extended> extended = new ArrayList<>();
        for (Order order : due) {
            Instant old = order.shipBy();
            Instant next = old.plus(by);
            int recorded = jdbc.update("insert into ship_by_extensions (extension_id, order_id, old_ship_by, "
                    + "new_ship_by, extended_at) values (?, ?, ?, ?, ?) on conflict do nothing", extensionId,
                    order.id(), Timestamp.from(old), Timestamp.from(next), Timestamp.from(now));
            if (recorded == 1) {
                order.extendShipBy(by, now);
                extended.add(new Extended(order.id(), order.orderNumber(), order.shopId(), order.buyerId(), old,
                        next));
            }
        }
        em.flush();
        return extended;
    }
}
