package dev.aftersales.ordering.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import dev.aftersales.ordering.OrderStatus;

public interface OrderRepository extends JpaRepository<Order, Long> {

    Optional<Order> findByOrderNumber(String orderNumber);

    @Query(value = "select o from Order o where o.buyerId = :buyerId order by o.paidAt desc, o.id desc",
            countQuery = "select count(o) from Order o where o.buyerId = :buyerId")
    Page<Order> pageForBuyer(long buyerId, Pageable pageable);

    @Query(value = "select o from Order o where o.shopId = :shopId order by o.paidAt desc, o.id desc",
            countQuery = "select count(o) from Order o where o.shopId = :shopId")
    Page<Order> pageForShop(long shopId, Pageable pageable);

    @Query(value = """
            select o from Order o where o.shopId = :shopId and o.status = dev.aftersales.ordering.OrderStatus.AWAITING_SHIPMENT
            order by o.shipBy asc, o.id asc""",
            countQuery = """
            select count(o) from Order o
            where o.shopId = :shopId and o.status = dev.aftersales.ordering.OrderStatus.AWAITING_SHIPMENT""")
    Page<Order> pageToShip(long shopId, Pageable pageable);

    @Query("select count(o) from Order o where o.id in :ids or o.buyerId in :buyerIds")
    long countMatching(Collection<Long> ids, Collection<Long> buyerIds);

    @EntityGraph(attributePaths = "lines")
    @Query("select o from Order o where o.id in :ids")
    List<Order> findWithLines(Collection<Long> ids);

    /**
     * How many of the shop's orders wait to be shipped, up to {@code limit}: read in the order of
     * {@code orders_shop_to_ship_idx}, so that PostgreSQL walks that index rather than the table until the limit.
     */
    @Query(value = """
            select count(*) from (select 1 from orders
                                  where shop_id = :shopId and status = 'AWAITING_SHIPMENT'
                                  order by ship_by, id limit :limit) capped""",
            nativeQuery = true)
    long countToShipUpTo(long shopId, int limit);

    /**
     * Locks the order's row until the transaction ends ({@code FOR NO KEY UPDATE}: rows of other tables referring to
     * the order may still be inserted meanwhile).
     */
    @Query(value = "select id from orders where id = :id for no key update", nativeQuery = true)
    Optional<Long> lockRow(long id);

    /** Locks the row of the order with this number, if there is one. */
    @Query(value = "select id from orders where order_number = :orderNumber for no key update", nativeQuery = true)
    Optional<Long> lockRowByNumber(String orderNumber);

    /** Locks the order's row unless another transaction holds it. */
    @Query(value = "select id from orders where id = :id for no key update skip locked", nativeQuery = true)
    Optional<Long> tryLockRow(long id);
}
