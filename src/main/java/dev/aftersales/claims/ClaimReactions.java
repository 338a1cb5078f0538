package dev.aftersales.claims;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.aftersales.payments.MovementKind;
import dev.aftersales.payments.PaymentExecuted;
import dev.aftersales.shipping.ShipmentDelivered;
import dev.aftersales.shipping.ShipmentDirection;

/**
 * What claims do when a carrier delivers a claim's parcel or the payment provider confirms a claim's refund. Run
 * from the event publication registry after the other module's transaction commits; each locks the claim's row
 * first, so a move made at the same moment is waited for rather than failed on. A reaction that fails for another
 * reason stays in the registry and is republished at the next start.
 */
@Component
class ClaimReactions {

    private final ClaimManagement claims;
    private final ClaimInterventions interventions;

    ClaimReactions(ClaimManagement claims, ClaimInterventions interventions) {
        this.claims = claims;
        this.interventions = interventions;
    }

    @ApplicationModuleListener
    void on(ShipmentDelivered delivered) {
        if (delivered.claimId() == null) {
            return;
        }
        if (delivered.direction() == ShipmentDirection.RETURN) {
            claims.onReturnDelivered(delivered.claimId(), delivered.deliveredAt());
        } else if (delivered.direction() == ShipmentDirection.RESHIPMENT) {
            claims.onReshipmentDelivered(delivered.claimId(), delivered.deliveredAt());
        }
    }

    @ApplicationModuleListener
    void on(PaymentExecuted executed) {
        if (executed.claimId() != null && executed.kind() == MovementKind.REFUND) {
            claims.onRefundPaid(executed.claimId(), executed.amount(), executed.executedAt());
        } else if (executed.claimId() != null && executed.kind() == MovementKind.REVERSAL) {
            interventions.onRefundReversed(executed.claimId(), executed.amount());
        }
    }
}
