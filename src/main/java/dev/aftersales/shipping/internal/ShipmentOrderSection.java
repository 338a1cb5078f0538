package dev.aftersales.shipping.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderPageReads;
import dev.aftersales.ordering.OrderPageSection;
import dev.aftersales.ordering.OrderStatus;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shipping.ShipmentView;
import dev.aftersales.shipping.ShippingManagement;

/** The parcels of an order, with their tracking timelines and measured weights, on the order page. */
@Component
public class ShipmentOrderSection implements OrderPageSection {

    private final ShippingManagement shipping;

    ShipmentOrderSection(ShippingManagement shipping) {
        this.shipping = shipping;
    }

    @Override
    public int position() {
        return 10;
    }

    @Override
    public String template() {
        return "shipping/order-sections";
    }

    @Override
    public String fragment() {
        return "shipments";
    }

    @Override
    public Object data(OrderDetails order, CurrentUser viewer, OrderPageReads page) {
        boolean canShip = viewer.isSellerOf(order.shopId()) && order.status() == OrderStatus.AWAITING_SHIPMENT;
        return new Data(order.id(), shipping.shipmentsOf(order.id(), page), order.expectedWeightGrams(), canShip);
    }

    /**
     * @param expectedWeightGrams what the goods of the whole order weigh by the catalog
     * @param canShip             the viewer is the shop's seller and the order awaits shipment
     */
    record Data(long orderId, List<ShipmentView> shipments, int expectedWeightGrams, boolean canShip) {
    }
}
