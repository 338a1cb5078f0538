package dev.aftersales.arbitration;

/**
 * A section of the agent dashboard ({@code /agent/dashboard}) contributed by another module, e.g. the risk module's
 * abuse watchlist and supervision list. Arbitration owns this SPI so that modules depending on it can add to the
 * dashboard without arbitration depending on them. The dashboard renders {@code ~{template :: fragment}} with the
 * panel's data in the variable {@code panel}.
 */
public interface DashboardPanel {

    /** Panels are drawn in ascending position. */
    int position();

    /** The template holding the fragment. */
    String template();

    /** The fragment's name in the template. */
    String fragment();

    /** The panel's data now, or {@code null} to leave it out; a fixed number of queries. */
    Object data();
}
