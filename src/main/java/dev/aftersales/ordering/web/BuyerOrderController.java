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

/** A buyer's own orders, newest first, and one order with its parcels. */
@Controller
@RequestMapping("/buyer/orders")
class BuyerOrderController {

    static final int PAGE_SIZE = 20;

    private final OrderManagement orders;
    private final List<OrderListNotes> notes;
    private final OrderSections sections;

    BuyerOrderController(OrderManagement orders, List<OrderListNotes> notes, OrderSections sections) {
        this.orders = orders;
        this.notes = notes;
        this.sections = sections;
    }

    @GetMapping
    String list(CurrentUser me, @RequestParam(required = false) String after,
            @RequestParam(required = false) String before, Model model) {
        var result = orders.buyerOrders(me.accountId(), Keyset.Request.of(after, before, PAGE_SIZE));
        model.addAttribute("orders", result.map(rows -> OrderManagement.withNotes(rows, notes, me)));
        return "buyer/orders/list";
    }

    @GetMapping("/{id}")
    String detail(CurrentUser me, @PathVariable long id, Model model) {
        OrderSections.OrderPage page = sections.page(() -> orders.details(id, me), me);
        if (page.order().buyerId() != me.accountId()) {
            throw new dev.aftersales.shared.NotFound("Order", id);
        }
        model.addAttribute("order", page.order());
        model.addAttribute("sections", page.sections());
        return "buyer/orders/detail";
    }
}
