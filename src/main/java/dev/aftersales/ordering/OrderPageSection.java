package dev.aftersales.ordering;

import dev.aftersales.shared.CurrentUser;

/**
 * A part of the order page contributed by another module (shipments, claims, refunds). The order page renders
 * each section's Thymeleaf fragment with the section's data in the variable {@code section}.
 */
public interface OrderPageSection {

    /** Sections are drawn in ascending position. */
    int position();

    /** The template holding the fragment, e.g. {@code "shipping/order-sections"}. */
    String template();

    /** The fragment's name in the template. */
    String fragment();

    /**
     * The section's data for this viewer, or {@code null} to leave it out. What other sections of the page read too
     * (the parcels, the claimable units) it reads through {@code page}, once for the whole page.
     */
    Object data(OrderDetails order, CurrentUser viewer, OrderPageReads page);

    /**
     * What the section is about, when another page that embeds the order may already show the same (e.g.
     * {@code "risk"}: the agent's case workspace has its own risk panel); such a page leaves the section out.
     * {@code null}: always shown.
     */
    default String topic() {
        return null;
    }
}
