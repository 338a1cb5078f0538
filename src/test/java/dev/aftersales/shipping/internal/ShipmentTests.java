package dev.aftersales.shipping.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import dev.aftersales.shipping.Carrier;
import dev.aftersales.shipping.ShipmentDirection;
import dev.aftersales.shipping.ShipmentStatus;
import dev.aftersales.shipping.TrackingEventKind;

class ShipmentTests {

    static final Duration STALL = Duration.ofHours(72);
    final Instant shippedAt = Instant.parse("2026-11-02T08:00:00Z");

    Shipment parcel() {
        Shipment s = new Shipment(1L, ShipmentDirection.OUTBOUND, Carrier.SF, "SF1234567890123", shippedAt, "SELLER",
                null, shippedAt);
        ReflectionTestUtils.setField(s, "id", 5L); // as saved
        return s;
    }

    boolean scan(Shipment s, String key, Duration after, TrackingEventKind kind, Integer grams) {
        return s.record(key, shippedAt.plus(after), kind, "Hub", null, grams, shippedAt.plus(after));
    }

    @Test
    void aParcelWithoutScansAwaitsPickupUntilItStalls() {
        Shipment s = parcel();
        assertThat(s.status(shippedAt.plus(Duration.ofHours(1)), STALL)).isEqualTo(ShipmentStatus.AWAITING_PICKUP);
        assertThat(s.status(shippedAt.plus(STALL), STALL)).isEqualTo(ShipmentStatus.AWAITING_PICKUP);
        assertThat(s.status(shippedAt.plus(STALL).plusSeconds(1), STALL)).isEqualTo(ShipmentStatus.STALLED);
    }

    @Test
    void aScannedParcelIsInTransitAndStallsWhenScansStop() {
        Shipment s = parcel();
        scan(s, "a", Duration.ofHours(2), TrackingEventKind.PICKED_UP, 2_150);
        assertThat(s.status(shippedAt.plus(Duration.ofHours(3)), STALL)).isEqualTo(ShipmentStatus.IN_TRANSIT);
        // the last scan, not the shipping time, counts
        assertThat(s.status(shippedAt.plus(Duration.ofHours(73)), STALL)).isEqualTo(ShipmentStatus.IN_TRANSIT);
        assertThat(s.status(shippedAt.plus(Duration.ofHours(75)), STALL)).isEqualTo(ShipmentStatus.STALLED);
        scan(s, "b", Duration.ofHours(74), TrackingEventKind.IN_TRANSIT, null);
        assertThat(s.status(shippedAt.plus(Duration.ofHours(75)), STALL)).isEqualTo(ShipmentStatus.IN_TRANSIT);
    }

    @Test
    void aDeliveredParcelStaysDeliveredAndKeepsItsMeasuredWeight() {
        Shipment s = parcel();
        scan(s, "a", Duration.ofHours(2), TrackingEventKind.PICKED_UP, 2_150);
        scan(s, "b", Duration.ofHours(30), TrackingEventKind.DELIVERED, null);
        assertThat(s.status(shippedAt.plus(Duration.ofDays(30)), STALL)).isEqualTo(ShipmentStatus.DELIVERED);
        assertThat(s.deliveredAt()).contains(shippedAt.plus(Duration.ofHours(30)));
        assertThat(s.measuredWeightGrams()).isEqualTo(2_150);
    }

    @Test
    void theSameScanIsRecordedOnceAndScansAreKeptInTimeOrder() {
        Shipment s = parcel();
        assertThat(scan(s, "late", Duration.ofHours(5), TrackingEventKind.IN_TRANSIT, null)).isTrue();
        assertThat(scan(s, "early", Duration.ofHours(1), TrackingEventKind.PICKED_UP, 900)).isTrue();
        assertThat(scan(s, "late", Duration.ofHours(5), TrackingEventKind.IN_TRANSIT, null)).isFalse();
        assertThat(s.events()).extracting(TrackingEvent::dedupeKey).containsExactly("early", "late");
        assertThat(s.lastMovementAt()).isEqualTo(shippedAt.plus(Duration.ofHours(5)));
        assertThat(s.measuredWeightGrams()).isEqualTo(900);
    }

    @Test
    void aParcelReturnedToSenderShowsSo() {
        Shipment s = parcel();
        scan(s, "a", Duration.ofHours(2), TrackingEventKind.PICKED_UP, null);
        scan(s, "b", Duration.ofHours(40), TrackingEventKind.RETURNED_TO_SENDER, null);
        assertThat(s.status(shippedAt.plus(Duration.ofHours(41)), STALL))
                .isEqualTo(ShipmentStatus.RETURNED_TO_SENDER);
    }
}
