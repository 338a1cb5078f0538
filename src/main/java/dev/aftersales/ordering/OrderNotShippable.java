package dev.aftersales.ordering;

/** The order cannot take a parcel (it was cancelled). */
public class OrderNotShippable extends RuntimeException {

    public OrderNotShippable(String orderNumber, String why) {
        super("Order " + orderNumber + " cannot be shipped: " + why);
    }
}
