package dev.aftersales.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.aftersales.catalog.ShopPolicy;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderStatus;
import dev.aftersales.shared.Money;
import dev.aftersales.shipping.Carrier;
import dev.aftersales.shipping.ShipmentDirection;
import dev.aftersales.shipping.ShipmentStatus;
import dev.aftersales.shipping.ShipmentView;

/**
 * The windows to open a case (docs/rules.md#eligibility-windows): each type says yes until when, or no, why and from
 * when.
 */
class EligibilityPolicyTests {

    static final Instant PAID = Instant.parse("2026-11-01T00:00:00Z");
    static final ShopPolicy POLICY = new ShopPolicy(Duration.ofHours(48), Duration.ofHours(48), Duration.ofDays(7),
            Duration.ofDays(7), Duration.ofDays(7), Duration.ofHours(48), Duration.ofHours(72), Duration.ofHours(48),
            Duration.ofDays(7), Duration.ofDays(7), Duration.ofDays(7), Duration.ofDays(15), Duration.ofHours(72),
            Duration.ofDays(10), 2000);

    static OrderDetails order(OrderStatus status, Instant shippedAt, Instant deliveredAt) {
        return new OrderDetails(1L, "SO1", 5L, "Shop", 7L, "Buyer", status, Money.fen(11000), Money.fen(0), PAID,
                PAID.plus(Duration.ofHours(48)), shippedAt, deliveredAt, null, null, null, "Buyer", null, "Road",
                false, List.of(new OrderDetails.Line(21L, 1, 31L, "A", "Apple", 2, Money.fen(3000),
                        Money.fen(6000), 500)),
                List.of());
    }

    static ShipmentView parcel(Instant shipped, ShipmentStatus status, Instant lastMovement) {
        return new ShipmentView(1L, 1L, ShipmentDirection.OUTBOUND, Carrier.SF, "SF1", shipped, 1000, status,
                lastMovement, status == ShipmentStatus.DELIVERED ? lastMovement : null, null, List.of());
    }

    static OrderFacts facts(OrderDetails order, List<ShipmentView> parcels, Instant now, int claimable) {
        return new OrderFacts(order, parcels, POLICY, now, Map.of(21L, claimable), Map.of(21L, true));
    }

    static final Instant SHIPPED = PAID.plus(Duration.ofHours(10));
    static final Instant DELIVERED = PAID.plus(Duration.ofDays(3));

    @Test
    void missingItemIsOpenForSevenDaysAfterDelivery() {
        var policy = new EligibilityPolicy.MissingItem();
        OrderDetails delivered = order(OrderStatus.DELIVERED, SHIPPED, DELIVERED);
        Availability open = policy.check(facts(delivered, List.of(), DELIVERED.plus(Duration.ofDays(6)), 2));
        assertThat(open.available()).isTrue();
        assertThat(open.closesAt()).isEqualTo(DELIVERED.plus(Duration.ofDays(7)));
        Availability closed = policy.check(facts(delivered, List.of(), DELIVERED.plus(Duration.ofDays(7)), 2));
        assertThat(closed.available()).isFalse();
        assertThat(closed.reasonKey()).isEqualTo("claim.unavailable.windowClosed");
        Availability notYet = policy.check(facts(order(OrderStatus.SHIPPED, SHIPPED, null), List.of(),
                SHIPPED.plus(Duration.ofDays(1)), 2));
        assertThat(notYet.reasonKey()).isEqualTo("claim.unavailable.notDelivered");
    }

    @Test
    void notReceivedOpensWhenTrackingStallsOrDeliveryIsOverdue() {
        var policy = new EligibilityPolicy.NotReceived();
        OrderDetails shipped = order(OrderStatus.SHIPPED, SHIPPED, null);
        Instant lastScan = SHIPPED.plus(Duration.ofHours(5));
        Instant now = lastScan.plus(Duration.ofHours(24));
        Availability moving = policy.check(facts(shipped,
                List.of(parcel(SHIPPED, ShipmentStatus.IN_TRANSIT, lastScan)), now, 2));
        assertThat(moving.available()).isFalse();
        assertThat(moving.reasonKey()).isEqualTo("claim.unavailable.moving");
        assertThat(moving.opensAt()).isEqualTo(lastScan.plus(Duration.ofHours(72)));

        Availability stalled = policy.check(facts(shipped,
                List.of(parcel(SHIPPED, ShipmentStatus.STALLED, lastScan)), lastScan.plus(Duration.ofHours(73)), 2));
        assertThat(stalled.available()).isTrue();

        Availability overdue = policy.check(facts(shipped,
                List.of(parcel(SHIPPED, ShipmentStatus.IN_TRANSIT, SHIPPED.plus(Duration.ofDays(9)))),
                SHIPPED.plus(Duration.ofDays(10)), 2));
        assertThat(overdue.available()).isTrue();

        assertThat(policy.check(facts(order(OrderStatus.AWAITING_SHIPMENT, null, null), List.of(), PAID, 2))
                .reasonKey()).isEqualTo("claim.unavailable.notShipped");
        assertThat(policy.check(facts(order(OrderStatus.DELIVERED, SHIPPED, DELIVERED), List.of(), DELIVERED, 2))
                .reasonKey()).isEqualTo("claim.unavailable.delivered");
    }

    @Test
    void qualityClaimsAndExchangesAreOpenFifteenDaysReturnsTooForQualityReasons() {
        OrderDetails delivered = order(OrderStatus.DELIVERED, SHIPPED, DELIVERED);
        Instant day14 = DELIVERED.plus(Duration.ofDays(14));
        assertThat(new EligibilityPolicy.RefundOnly().check(facts(delivered, List.of(), day14, 2)).available())
                .isTrue();
        assertThat(new EligibilityPolicy.Exchange().check(facts(delivered, List.of(), day14, 2)).available())
                .isTrue();
        assertThat(new EligibilityPolicy.ReturnRefund().check(facts(delivered, List.of(), day14, 2)).available())
                .isTrue();
        Instant day15 = DELIVERED.plus(Duration.ofDays(15));
        assertThat(new EligibilityPolicy.RefundOnly().check(facts(delivered, List.of(), day15, 2)).available())
                .isFalse();
    }

    @Test
    void nothingCanBeClaimedOnACancelledOrderOrWhenEveryUnitIsClaimed() {
        OrderDetails cancelled = order(OrderStatus.CANCELLED, null, null);
        for (EligibilityPolicy policy : EligibilityPolicy.all()) {
            assertThat(policy.check(facts(cancelled, List.of(), PAID, 2)).reasonKey())
                    .isEqualTo("claim.unavailable.cancelled");
            assertThat(policy.check(facts(order(OrderStatus.DELIVERED, SHIPPED, DELIVERED), List.of(), DELIVERED,
                    0)).reasonKey()).isEqualTo("claim.unavailable.nothingLeft");
        }
    }
}
