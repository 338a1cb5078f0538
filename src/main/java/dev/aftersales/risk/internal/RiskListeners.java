package dev.aftersales.risk.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.aftersales.claims.ClaimsTransitioned;
import dev.aftersales.arbitration.AgentDecided;
import dev.aftersales.arbitration.BuyerFlaggedForAbuse;
import dev.aftersales.claims.ClaimTransitioned;
import dev.aftersales.ordering.OrderCancelled;
import dev.aftersales.ordering.OrderDelivered;
import dev.aftersales.ordering.OrderPlaced;
import dev.aftersales.ordering.OrderShipped;
import dev.aftersales.risk.RiskManagement;

/**
 * Feeds the risk read models from the other modules' events, after their transaction committed (through the event
 * publication registry, so a crash never loses one): each event refreshes the copy of its order or claim and
 * recomputes the buyer's score.
 */
@Component
class RiskListeners {

    private final RiskManagement risk;
    private final RiskReadModel model;

    RiskListeners(RiskManagement risk, RiskReadModel model) {
        this.risk = risk;
        this.model = model;
    }

    @ApplicationModuleListener
    void on(ClaimTransitioned event) {
        risk.refreshClaim(event.claimId());
    }

    /** A chunk of moves: each as if it had come alone, in one transaction. */
    @ApplicationModuleListener
    void on(ClaimsTransitioned moves) {
        moves.byShop().forEach(this::on);
    }

    @ApplicationModuleListener
    void on(OrderPlaced event) {
        risk.refreshOrder(event.orderId());
    }

    @ApplicationModuleListener
    void on(OrderShipped event) {
        risk.refreshOrder(event.orderId());
    }

    @ApplicationModuleListener
    void on(OrderDelivered event) {
        risk.refreshOrder(event.orderId());
    }

    @ApplicationModuleListener
    void on(OrderCancelled event) {
        risk.refreshOrder(event.orderId());
    }

    @ApplicationModuleListener
    void on(AgentDecided event) {
        model.recordDecision(event.claimId(), event.appeal(), event.shopId(), event.buyerId(), event.sellerAtFault(),
                event.at());
        risk.refreshClaim(event.claimId());
    }

    @ApplicationModuleListener
    void on(BuyerFlaggedForAbuse event) {
        model.recordFlag(event.flagId(), event.buyerId(), event.claimId(), event.reason(), event.at());
        risk.recompute(event.buyerId());
    }
}
