package dev.aftersales.shipping;

import dev.aftersales.ordering.OrderStatus;
import dev.aftersales.shared.Refusal;

/**
 * Only a paid order that has not shipped can be shipped: a cancelled order never ships, and an order keeps the one
 * outbound parcel it shipped with (see {@link ShippingManagement}). Refused for the whole form: the order no longer
 * takes the parcel, whatever was typed.
 */
public class OrderNotAwaitingShipment extends RuntimeException implements Refusal {

    private final OrderStatus status;

    public OrderNotAwaitingShipment(OrderStatus status) {
        super(message(status));
        this.status = status;
    }

    public OrderStatus status() {
        return status;
    }

    @Override
    public String messageKey() {
        return "shipping.error.notAwaiting";
    }

    /** A stable code for API clients: {@code order-cancelled}, {@code order-delivered}, {@code order-already-shipped}. */
    public String code() {
        return switch (status) {
            case CANCELLED -> "order-cancelled";
            case DELIVERED -> "order-delivered";
            default -> "order-already-shipped";
        };
    }

    private static String message(OrderStatus status) {
        return switch (status) {
            case CANCELLED -> "The order was cancelled and cannot be shipped";
            case DELIVERED -> "The order was delivered; it takes no further parcel";
            default -> "The order has shipped with another parcel; an order has one outbound parcel";
        };
    }
}
