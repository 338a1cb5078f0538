package dev.aftersales.risk.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.aftersales.arbitration.DashboardPanel;
import dev.aftersales.risk.RiskManagement;
import dev.aftersales.risk.ShopScorecard;

/**
 * The agent dashboard's abuse watchlist and supervision list, the top {@value #TOP} of each with links to the whole
 * lists ({@code /agent/watchlist}, {@code /agent/supervision}). Contributed through arbitration's
 * {@link DashboardPanel} SPI, see {@link RiskWorkspacePanel}.
 */
@Component
class RiskDashboardPanel implements DashboardPanel {

    static final int TOP = 5;

    private final RiskManagement risk;

    RiskDashboardPanel(RiskManagement risk) {
        this.risk = risk;
    }

    /** The top of both lists and their full sizes. */
    public record Data(List<RiskManagement.WatchRow> watchlist, int watchlistSize, List<ShopScorecard> supervision,
            int supervisionSize) {
    }

    @Override
    public int position() {
        return 10;
    }

    @Override
    public String template() {
        return "risk/panels";
    }

    @Override
    public String fragment() {
        return "dashboard";
    }

    @Override
    public Object data() {
        List<RiskManagement.WatchRow> watch = risk.watchlist();
        List<ShopScorecard> supervised = risk.supervisionInBatch();
        return new Data(watch.stream().limit(TOP).toList(), watch.size(), supervised.stream().limit(TOP).toList(),
                supervised.size());
    }
}
