package dev.aftersales.risk.internal;

import org.springframework.stereotype.Component;

import dev.aftersales.arbitration.WorkspacePanel;
import dev.aftersales.risk.RiskPanels;

/**
 * The buyer's return-abuse score (verdict, signals with their values, linked accounts and what links them) and the
 * shop's scorecard summary on the agent workspace {@code /agent/cases/{id}}.
 * <p>
 * Risk depends on arbitration (it listens to its events), so arbitration must not call risk: the workspace owns the
 * {@link WorkspacePanel} SPI and draws whatever panel beans exist (none when risk is absent); risk contributes this
 * one. The same pattern is used for the queue ({@link RiskQueueBadges}) and the dashboard ({@link RiskDashboardPanel}).
 * A fixed number of queries, whatever the size of the claim's timeline or evidence.
 */
@Component
class RiskWorkspacePanel implements WorkspacePanel {

    private final RiskPanels panels;

    RiskWorkspacePanel(RiskPanels panels) {
        this.panels = panels;
    }

    @Override
    public int position() {
        return 5;
    }

    @Override
    public String template() {
        return "risk/panels";
    }

    @Override
    public String fragment() {
        return "workspace";
    }

    @Override
    public Object data(Case of) {
        return panels.forAgent(of.buyerId(), of.shopId());
    }

    @Override
    public String topic() {
        return "risk";
    }
}
