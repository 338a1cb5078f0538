package dev.aftersales.ordering.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import dev.aftersales.ordering.CancellationReason;
import dev.aftersales.ordering.OrderConflict;
import dev.aftersales.ordering.OrderNotShippable;
import dev.aftersales.ordering.OrderStatus;
import dev.aftersales.shared.Money;

class OrderTests {

    final Instant paidAt = Instant.parse("2026-11-02T08:00:00Z");
    final Instant shipBy = paidAt.plus(Duration.ofHours(48));

    Order order() {
        Order order = new Order("SO1", 1L, 2L, Money.CNY, 11_000, 0, paidAt, shipBy, "Li Lei", "13800000000",
                "Test Road 1", List.of(), paidAt);
        ReflectionTestUtils.setField(order, "id", 7L); // as saved
        return order;
    }

    @Test
    void aPaidOrderAwaitsShipmentUntilItsShipByTime() {
        Order order = order();
        assertThat(order.status()).isEqualTo(OrderStatus.AWAITING_SHIPMENT);
        assertThat(order.shipBy()).isEqualTo(shipBy);
        assertThat(order.isLate(shipBy.minusSeconds(1))).isFalse();
        assertThat(order.isLate(shipBy)).isFalse();
        assertThat(order.isLate(shipBy.plusSeconds(1))).isTrue();
    }

    @Test
    void shippingInTimeIsNotNotedAndAShippedOrderIsNeverLate() {
        Order order = order();
        order.markShipped(shipBy.minus(Duration.ofHours(1)), "SELLER");
        assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(order.history().get(order.history().size() - 1).note()).isNull();
        assertThat(order.isLate(shipBy.plus(Duration.ofDays(3)))).isFalse();
    }

    @Test
    void shippingAfterTheShipByTimeIsNotedAsLate() {
        Order order = order();
        order.markShipped(shipBy.plus(Duration.ofHours(5)), "SELLER");
        assertThat(order.shippedAt()).isEqualTo(shipBy.plus(Duration.ofHours(5)));
        assertThat(order.history()).extracting(OrderStatusChange::status)
                .containsExactly(OrderStatus.AWAITING_SHIPMENT, OrderStatus.SHIPPED);
        assertThat(order.history().get(1).note()).isEqualTo("shipped late");
        // a second parcel changes nothing
        order.markShipped(shipBy.plus(Duration.ofHours(9)), "SELLER");
        assertThat(order.shippedAt()).isEqualTo(shipBy.plus(Duration.ofHours(5)));
    }

    @Test
    void aCancelledOrderIsNeitherLateNorShippable() {
        Order order = order();
        assertThat(order.cancel(CancellationReason.OVERSOLD, "sold out", paidAt.plus(Duration.ofHours(1)), "STOREFRONT")).isTrue();
        assertThat(order.cancel(CancellationReason.OVERSOLD, null, paidAt.plus(Duration.ofHours(2)), "STOREFRONT")).isFalse();
        assertThatThrownBy(() -> order.cancel(CancellationReason.DELISTED, null, paidAt.plus(Duration.ofHours(2)), "STOREFRONT")).isInstanceOf(OrderConflict.class);
        assertThat(order.isLate(shipBy.plusSeconds(1))).isFalse();
        assertThatThrownBy(() -> order.markShipped(paidAt.plus(Duration.ofHours(2)), "SELLER"))
                .isInstanceOf(OrderNotShippable.class);
    }
}
