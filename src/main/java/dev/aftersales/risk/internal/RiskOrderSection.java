package dev.aftersales.risk.internal;

import org.springframework.stereotype.Component;

import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderPageReads;
import dev.aftersales.ordering.OrderPageSection;
import dev.aftersales.risk.RiskPanels;
import dev.aftersales.shared.CurrentUser;

/** On the agent's order page: the buyer's risk panel and the shop's scorecard summary (never for buyers, sellers). */
@Component
class RiskOrderSection implements OrderPageSection {

    private final RiskPanels panels;

    RiskOrderSection(RiskPanels panels) {
        this.panels = panels;
    }

    @Override
    public int position() {
        return 40;
    }

    @Override
    public String template() {
        return "risk/panels";
    }

    @Override
    public String fragment() {
        return "orderSection";
    }

    @Override
    public Object data(OrderDetails order, CurrentUser viewer, OrderPageReads page) {
        return viewer != null && viewer.isPlatformStaff() ? panels.forAgent(order.buyerId(), order.shopId()) : null;
    }

    @Override
    public String topic() {
        return "risk";
    }
}
