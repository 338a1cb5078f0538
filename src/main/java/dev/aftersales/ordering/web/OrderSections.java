package dev.aftersales.ordering.web;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Component;

import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderPageSection;
import dev.aftersales.shared.CurrentUser;

/** Collects the sections other modules add to the order page, in their positions. */
@Component
class OrderSections {

    private final List<OrderPageSection> sections;

    OrderSections(List<OrderPageSection> sections) {
        this.sections = sections.stream().sorted(Comparator.comparingInt(OrderPageSection::position)).toList();
    }

    List<Rendered> render(OrderDetails order, CurrentUser viewer) {
        return sections.stream().map(s -> {
            Object data = s.data(order, viewer);
            return data == null ? null : new Rendered(s.template(), s.fragment(), data);
        }).filter(Objects::nonNull).toList();
    }

    /** A section ready for the template: {@code th:insert="~{${s.template} :: ${s.fragment}}"}. */
    record Rendered(String template, String fragment, Object data) {
    }
}
