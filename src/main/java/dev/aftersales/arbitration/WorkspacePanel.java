package dev.aftersales.arbitration;

/**
 * A panel of the agent workspace ({@code /agent/cases/{id}}) contributed by any module: the buyer's claim history and
 * the shop's record come from here; the risk module adds the buyer's return-abuse score and the seller's scorecard
 * the same way, as a bean. The workspace renders {@code ~{template :: fragment}} with the panel's data in the
 * variable {@code panel}.
 */
public interface WorkspacePanel {

    /** Panels are drawn in ascending position. */
    int position();

    /** The template holding the fragment, e.g. {@code "arbitration/panels"}. */
    String template();

    /** The fragment's name in the template. */
    String fragment();

    /** The panel's data for this case, or {@code null} to leave it out. One or two queries, whatever the case's size. */
    Object data(Case of);

    /**
     * What the panel is about (see {@link dev.aftersales.ordering.OrderPageSection#topic()}): the workspace leaves out
     * the order's sections on a topic one of its panels shows, so nothing is shown twice. {@code null}: none.
     */
    default String topic() {
        return null;
    }

    /** The case a panel is drawn for. */
    record Case(long claimId, long orderId, long shopId, long buyerId, dev.aftersales.claims.ClaimType type) {
    }
}
