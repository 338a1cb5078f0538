package dev.aftersales.shipping.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.NotFound;
import dev.aftersales.shared.Refusal;
import dev.aftersales.shared.web.FormRefusal;
import dev.aftersales.shared.web.Moves;
import dev.aftersales.shipping.Carrier;
import dev.aftersales.shipping.ShippingManagement;

/** The seller ships an order: carrier and tracking number, checked against the carrier's format. */
@Controller
@RequestMapping("/seller/orders/{id}/ship")
class SellerShippingController {

    private final ShippingManagement shipping;
    private final OrderManagement orders;
    private final Moves moves;

    SellerShippingController(ShippingManagement shipping, OrderManagement orders, Moves moves) {
        this.shipping = shipping;
        this.orders = orders;
        this.moves = moves;
    }

    @ModelAttribute("carriers")
    Carrier[] carriers() {
        return Carrier.values();
    }

    @GetMapping
    String form(CurrentUser me, @PathVariable long id, Model model) {
        model.addAttribute("order", ownOrder(me, id));
        model.addAttribute("form", new ShipForm(null, ""));
        return "seller/orders/ship";
    }

    @PostMapping
    String ship(CurrentUser me, @PathVariable long id, @Valid @ModelAttribute("form") ShipForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        OrderDetails order = ownOrder(me, id);
        if (!errors.hasErrors()) {
            try {
                var parcel = shipping.ship(id, me, form.carrier(), form.trackingNumber());
                moves.success(redirect, "shipping.shipped", parcel.trackingNumber());
                return "redirect:/seller/orders/" + id;
            } catch (RuntimeException e) {
                // a number of another format or in use at the number, an order that no longer ships above the form
                if (!(e instanceof Refusal refusal)) {
                    throw e;
                }
                moves.reject(errors, refusal);
            }
        }
        model.addAttribute("order", order);
        // the carrier-and-number fragment draws what was typed and each field's reasons from a refused form
        model.addAttribute(FormRefusal.ATTRIBUTE, moves.shownAgain(errors));
        return "seller/orders/ship";
    }

    private OrderDetails ownOrder(CurrentUser me, long id) {
        OrderDetails order = orders.details(id, me);
        if (!me.isSellerOf(order.shopId())) {
            throw new NotFound("Order", id);
        }
        return order;
    }

    /** The shipping form. */
    record ShipForm(@NotNull Carrier carrier, @NotBlank @Size(max = 40) String trackingNumber) {
    }
}
