package dev.aftersales.ordering.web;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderPageReads;
import dev.aftersales.ordering.OrderPageSection;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.web.PageSnapshot;

/**
 * Collects the sections other modules add to the order page, in their positions, and reads the order with them in
 * one snapshot: the header's status, the parcels, the claims and the money are the database at one moment.
 */
@Component
class OrderSections {

    private final List<OrderPageSection> sections;
    private final PageSnapshot snapshot;

    OrderSections(List<OrderPageSection> sections, PageSnapshot snapshot) {
        this.sections = sections.stream().sorted(Comparator.comparingInt(OrderPageSection::position)).toList();
        this.snapshot = snapshot;
    }

    /** The order ({@code order} reads it, checking who may see it) and its sections, in one snapshot. */
    OrderPage page(Supplier<OrderDetails> order, CurrentUser viewer) {
        return snapshot.read(() -> {
            OrderDetails details = order.get();
            return new OrderPage(details, render(details, viewer));
        });
    }

    /** An order page's model. */
    record OrderPage(OrderDetails order, List<Rendered> sections) {
    }

    List<Rendered> render(OrderDetails order, CurrentUser viewer) {
        OrderPageReads page = new OrderPageReads();
        return sections.stream().map(s -> {
            Object data = s.data(order, viewer, page);
            return data == null ? null : new Rendered(s.template(), s.fragment(), data);
        }).filter(Objects::nonNull).toList();
    }

    /** A section ready for the template: {@code th:insert="~{${s.template} :: ${s.fragment}}"}. */
    record Rendered(String template, String fragment, Object data) {
    }
}
