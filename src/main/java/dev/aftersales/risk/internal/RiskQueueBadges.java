package dev.aftersales.risk.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.aftersales.arbitration.QueueColumn;
import dev.aftersales.risk.RiskManagement;
import dev.aftersales.risk.ShopScorecard;

/**
 * The agent queue's risk column: the buyer's last stored return-abuse score with its verdict, and a badge when the
 * shop is under supervision. Looked up for the whole page at once (the buyers' stored scores in one query, the
 * shops' scorecards in a fixed number), never per row. Contributed through arbitration's {@link QueueColumn} SPI,
 * see {@link RiskWorkspacePanel}.
 */
@Component
class RiskQueueBadges implements QueueColumn {

    private final RiskManagement risk;

    RiskQueueBadges(RiskManagement risk) {
        this.risk = risk;
    }

    /** One row's cell: the buyer's score (null if never scored) and whether the shop is supervised. */
    public record Cell(RiskManagement.StoredScore buyer, boolean shopSupervised) {
    }

    @Override
    public int position() {
        return 10;
    }

    @Override
    public String headingKey() {
        return "risk.queue.column";
    }

    @Override
    public String template() {
        return "risk/panels";
    }

    @Override
    public String fragment() {
        return "queueCell";
    }

    @Override
    public Map<Long, ?> cells(List<Row> rows) {
        Map<Long, RiskManagement.StoredScore> scores = risk.storedScores(rows.stream().map(Row::buyerId)
                .distinct().toList());
        Map<Long, ShopScorecard> cards = risk.scorecards(rows.stream().map(Row::shopId).distinct().toList());
        Map<Long, Cell> cells = new HashMap<>();
        for (Row r : rows) {
            ShopScorecard card = cards.get(r.shopId());
            cells.put(r.claimId(), new Cell(scores.get(r.buyerId()), card != null && card.supervised()));
        }
        return cells;
    }
}
