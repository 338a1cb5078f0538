package dev.aftersales.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.ordering.OrderStatus;
import dev.aftersales.shipping.ShipmentStatus;
import dev.aftersales.shipping.ShipmentView;
import dev.aftersales.shipping.ShippingManagement;
import dev.aftersales.support.AftersalesIntegrationTest;

/** The benchmark data generator writes consistent orders in every shipping state, and a second run continues. */
@AftersalesIntegrationTest
class LargeDataGeneratorIntegrationTests {

    @Autowired
    LargeDataGenerator generator;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrderManagement orders;
    @Autowired
    ShippingManagement shipping;

    @Test
    void generatesConsistentOrdersInEveryShippingStateAndContinuesNumbering() {
        List<Long> progress = new ArrayList<>();
        LargeDataGenerator.Range first = generator.generate(1_000, progress::add);
        LargeDataGenerator.Range second = generator.generate(20, done -> { });

        assertThat(first.to() - first.from()).isEqualTo(999);
        assertThat(second.from()).isEqualTo(first.to() + 1);
        assertThat(progress).containsExactly(1_000L);

        String firstNumber = LargeDataGenerator.Range.orderNumber(first.from());
        String lastNumber = LargeDataGenerator.Range.orderNumber(second.to());
        Map<String, Object> totals = jdbc.queryForMap("""
                select count(*) as orders,
                       count(*) filter (where o.paid_minor <> (select sum(l.paid_minor) from order_lines l
                                                              where l.order_id = o.id)) as wrong_totals,
                       count(*) filter (where (select count(*) from order_lines l where l.order_id = o.id)
                                              not between 1 and 3) as wrong_line_counts,
                       count(*) filter (where not exists (select 1 from order_status_history h
                                                          where h.order_id = o.id)) as without_history
                from orders o where o.order_number between ? and ?""", firstNumber, lastNumber);
        assertThat(totals).containsEntry("orders", 1_020L).containsEntry("wrong_totals", 0L)
                .containsEntry("wrong_line_counts", 0L).containsEntry("without_history", 0L);

        // Every shipping state is there, as the desk derives it.
        assertThat(statusOf(numberEndingIn(first, 0)).status()).isEqualTo(OrderStatus.AWAITING_SHIPMENT);
        assertThat(parcelOf(numberEndingIn(first, 1)).status()).isEqualTo(ShipmentStatus.AWAITING_PICKUP);
        assertThat(parcelOf(numberEndingIn(first, 2)).status()).isEqualTo(ShipmentStatus.IN_TRANSIT);
        assertThat(parcelOf(numberEndingIn(first, 4)).status()).isEqualTo(ShipmentStatus.STALLED);
        ShipmentView delivered = parcelOf(numberEndingIn(first, 7));
        assertThat(delivered.status()).isEqualTo(ShipmentStatus.DELIVERED);
        assertThat(delivered.measuredWeightGrams()).isPositive();
        assertThat(statusOf(numberEndingIn(first, 7)).status()).isEqualTo(OrderStatus.DELIVERED);
    }

    private static long numberEndingIn(LargeDataGenerator.Range range, int digit) {
        long n = range.from() - range.from() % 10 + 10 + digit;
        assertThat(n).isBetween(range.from(), range.to());
        return n;
    }

    private OrderDetails statusOf(long n) {
        return orders.byNumber(LargeDataGenerator.Range.orderNumber(n)).orElseThrow();
    }

    private ShipmentView parcelOf(long n) {
        List<ShipmentView> parcels = shipping.shipmentsOf(statusOf(n).id());
        assertThat(parcels).hasSize(1);
        return parcels.get(0);
    }
}
