package dev.aftersales.arbitration;

import java.util.List;
import java.util.Map;

/**
 * A column of the agent queue ({@code /agent/queue}) contributed by another module, e.g. the risk module's buyer
 * score and shop supervision badges. Arbitration owns this SPI so that modules depending on it (risk) can add to the
 * queue without arbitration depending on them; with no such bean the queue simply has no extra column. The queue
 * renders {@code ~{template :: fragment}} in each row with that row's cell data in the variable {@code cell}.
 */
public interface QueueColumn {

    /** Columns are drawn in ascending position. */
    int position();

    /** The message key of the column's heading. */
    String headingKey();

    /** The template holding the cell fragment, e.g. {@code "risk/panels"}. */
    String template();

    /** The cell fragment's name in the template. */
    String fragment();

    /**
     * The cells of one page of the queue by claim id, looked up in a fixed number of queries for the whole page
     * (never one per row); a claim without an entry shows an empty cell.
     */
    Map<Long, ?> cells(List<Row> rows);

    /** What a column knows of a queue row. */
    record Row(long claimId, long buyerId, long shopId) {
    }
}
