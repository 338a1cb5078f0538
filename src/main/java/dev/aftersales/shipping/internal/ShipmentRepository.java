package dev.aftersales.shipping.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ShipmentRepository extends JpaRepository<Shipment, Long> {

    Optional<Shipment> findByTrackingNumber(String trackingNumber);

    /**
     * The order's parcels with their scans. A fetch join rather than an entity graph: Hibernate keeps the SQL of a
     * query with an entity graph out of its plan cache and translates it again on every call, which was a tenth of the
     * CPU of an order's page (every order and claim page reads its parcels, some twice).
     */
    @Query("select s from Shipment s left join fetch s.events where s.orderId = :orderId order by s.shippedAt, s.id")
    List<Shipment> findByOrderIdWithEvents(long orderId);

    @EntityGraph(attributePaths = "events")
    @Query("select s from Shipment s where s.orderId in :orderIds order by s.shippedAt, s.id")
    List<Shipment> findByOrderIdInWithEvents(Collection<Long> orderIds);

    @Query("select s.orderId from Shipment s where s.trackingNumber = :trackingNumber")
    List<Long> orderIdsByTrackingNumber(String trackingNumber);
}
