package dev.aftersales.ordering.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.aftersales.ordering.OrderListNotes;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.web.Keyset;

/** Agents look orders up by order number, buyer or tracking number, and read any order. */
@Controller
@RequestMapping("/agent/orders")
class AgentOrderController {

    private final OrderManagement orders;
    private final List<OrderListNotes> notes;
    private final OrderSections sections;

    AgentOrderController(OrderManagement orders, List<OrderListNotes> notes, OrderSections sections) {
        this.orders = orders;
        this.notes = notes;
        this.sections = sections;
    }

    @GetMapping
    String lookup(CurrentUser me,
            @jakarta.validation.constraints.Size(max = 100) @RequestParam(required = false) String q,
            @RequestParam(required = false) String after, @RequestParam(required = false) String before,
            Model model) {
        String query = q == null ? "" : q.trim();
        model.addAttribute("q", query);
        if (!query.isEmpty()) {
            var found = orders.search(query, Keyset.Request.of(after, before, BuyerOrderController.PAGE_SIZE));
            model.addAttribute("orders", found.orders().map(rows -> OrderManagement.withNotes(rows, notes, me)));
            model.addAttribute("total", found.total());
        }
        return "agent/orders/lookup";
    }

    @GetMapping("/{id}")
    String detail(CurrentUser me, @PathVariable long id, Model model) {
        OrderSections.OrderPage page = sections.page(() -> orders.details(id, me), me);
        model.addAttribute("order", page.order());
        model.addAttribute("sections", page.sections());
        return "agent/orders/detail";
    }
}
