package dev.aftersales.claims.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.aftersales.claims.Availability;
import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimViews;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderPageReads;
import dev.aftersales.ordering.OrderPageSection;
import dev.aftersales.shared.CurrentUser;

/**
 * The order's claims on the order page and, for its buyer, "Apply for after-sales": each claim type with a link to
 * its form or why it is not available (and from when it will be).
 */
@Component
public class ClaimOrderSection implements OrderPageSection {

    private final ClaimManagement claims;
    private final ClaimViews views;

    public ClaimOrderSection(ClaimManagement claims, ClaimViews views) {
        this.claims = claims;
        this.views = views;
    }

    @Override
    public int position() {
        return 20;
    }

    @Override
    public String template() {
        return "claims/order-sections";
    }

    @Override
    public String fragment() {
        return "claims";
    }

    @Override
    public Object data(OrderDetails order, CurrentUser viewer, OrderPageReads page) {
        boolean buyer = viewer.isBuyer(order.buyerId());
        List<Availability> availability = buyer
                ? claims.availability(order, viewer, page).stream().filter(a -> a.type().filedByBuyer()).toList()
                : List.of();
        String base = buyer ? "/buyer/claims/" : viewer.isSellerOf(order.shopId()) ? "/seller/claims/"
                : "/agent/claims/";
        return new Data(order.id(), buyer, availability, views.ofOrder(order.id()), base);
    }

    /**
     * @param claimBase where the viewer opens a claim ("/buyer/claims/")
     */
    public record Data(long orderId, boolean buyer, List<Availability> availability, List<ClaimSummary> claims,
            String claimBase) {
    }
}
