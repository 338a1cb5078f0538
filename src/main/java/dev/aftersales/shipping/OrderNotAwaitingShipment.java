package dev.aftersales.shipping;

import dev.aftersales.ordering.OrderStatus;

/** Only a paid order that has not shipped can be shipped. */
public class OrderNotAwaitingShipment extends RuntimeException {

    private final OrderStatus status;

    public OrderNotAwaitingShipment(OrderStatus status) {
        super("The order is " + status + " and cannot be shipped");
        this.status = status;
    }

    public OrderStatus status() {
        return status;
    }
}
