package dev.aftersales.shipping.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.aftersales.ordering.OrderListNotes;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shipping.ShipmentDirection;
import dev.aftersales.shipping.ShipmentView;
import dev.aftersales.shipping.ShippingManagement;

/** The tracking summary on each row of an order list: the latest outbound parcel and where it is. */
@Component
public class TrackingListNotes implements OrderListNotes {

    private final ShippingManagement shipping;

    TrackingListNotes(ShippingManagement shipping) {
        this.shipping = shipping;
    }

    @Override
    public Map<Long, List<OrderNote>> notesFor(Collection<Long> orderIds, CurrentUser viewer) {
        Map<Long, List<OrderNote>> notes = new HashMap<>();
        shipping.shipmentsOf(orderIds).forEach((orderId, parcels) -> parcels.stream()
                .filter(p -> p.direction() == ShipmentDirection.OUTBOUND)
                .max(Comparator.comparing(ShipmentView::shippedAt))
                .ifPresent(p -> notes.put(orderId, List.of(note(p)))));
        return notes;
    }

    static OrderNote note(ShipmentView parcel) {
        String tone = switch (parcel.status()) {
            case DELIVERED -> "success";
            case STALLED, RETURNED_TO_SENDER -> "warning";
            case IN_TRANSIT -> "info";
            case AWAITING_PICKUP -> "secondary";
        };
        ShipmentView.Scan last = parcel.lastScan();
        String where = last == null || last.location() == null ? "" : last.location();
        return new OrderNote("shipping.note." + parcel.status().name(),
                List.of(parcel.carrier().name(), parcel.trackingNumber(), where), tone);
    }
}
