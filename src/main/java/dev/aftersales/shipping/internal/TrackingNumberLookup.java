package dev.aftersales.shipping.internal;

import java.util.Collection;

import org.springframework.stereotype.Component;

import dev.aftersales.ordering.OrderLookup;
import dev.aftersales.shipping.ShippingManagement;

/** Lets an agent find an order by any of its parcels' tracking numbers. */
@Component
public class TrackingNumberLookup implements OrderLookup {

    private final ShippingManagement shipping;

    TrackingNumberLookup(ShippingManagement shipping) {
        this.shipping = shipping;
    }

    @Override
    public Collection<Long> orderIdsMatching(String query) {
        return shipping.orderIdsByTrackingNumber(query);
    }
}
