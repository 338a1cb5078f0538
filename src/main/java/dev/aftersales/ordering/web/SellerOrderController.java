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
import dev.aftersales.shared.NotFound;
import dev.aftersales.shared.web.Keyset;

/**
 * The shop's orders. "To ship" (the default) lists paid orders by ship-by time, soonest first, with a countdown;
 * overdue ones are marked. "All" lists every order, newest first.
 */
@Controller
@RequestMapping("/seller/orders")
class SellerOrderController {

    private final OrderManagement orders;
    private final List<OrderListNotes> notes;
    private final OrderSections sections;

    SellerOrderController(OrderManagement orders, List<OrderListNotes> notes, OrderSections sections) {
        this.orders = orders;
        this.notes = notes;
        this.sections = sections;
    }

    @GetMapping
    String list(CurrentUser me, @RequestParam(defaultValue = "to-ship") String filter,
            @RequestParam(required = false) String after, @RequestParam(required = false) String before,
            Model model) {
        boolean toShip = !"all".equals(filter);
        var result = orders.shopOrders(me.shopId(), toShip,
                Keyset.Request.of(after, before, BuyerOrderController.PAGE_SIZE));
        model.addAttribute("orders", result.map(rows -> OrderManagement.withNotes(rows, notes, me)));
        model.addAttribute("filter", toShip ? "to-ship" : "all");
        model.addAttribute("toShipCount", orders.countToShip(me.shopId()));
        return "seller/orders/list";
    }

    @GetMapping("/{id}")
    String detail(CurrentUser me, @PathVariable long id, Model model) {
        OrderSections.OrderPage page = sections.page(() -> orders.details(id, me), me);
        if (!me.isSellerOf(page.order().shopId())) {
            throw new NotFound("Order", id);
        }
        model.addAttribute("order", page.order());
        model.addAttribute("sections", page.sections());
        return "seller/orders/detail";
    }
}
