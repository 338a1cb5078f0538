package dev.aftersales.risk.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.aftersales.claims.ShopIncidentsRecorded;
import dev.aftersales.claims.IncidentKind;
import dev.aftersales.claims.ShopIncidentRecorded;

/**
 * Copies the claims module's fake-tracking incidents into risk's read model for the scorecard's no/fake-tracking
 * metric (after commit; a redelivered event is stored once). The other incident kinds are left to the sources the
 * scorecard already counts, so nothing is counted twice: late shipments from the orders' ship-by and shipped times,
 * no-tracking cases from the {@code NO_TRACKING} claims, delisted and out-of-stock cancellations from the
 * {@code DELISTED} claims and the orders' cancellation reasons.
 */
@Component
class RiskIncidentListener {

    private final RiskReadModel model;

    RiskIncidentListener(RiskReadModel model) {
        this.model = model;
    }

    @ApplicationModuleListener
    void on(ShopIncidentRecorded event) {
        if (event.kind() == IncidentKind.FAKE_TRACKING) {
            model.recordIncident(event.shopId(), event.kind().name(), event.orderId(), event.claimId(), event.at());
        }
    }

    /** A chunk of incidents: each as if it had come alone, in one transaction. */
    @ApplicationModuleListener
    void on(ShopIncidentsRecorded incidents) {
        incidents.byShop().forEach(this::on);
    }
}
