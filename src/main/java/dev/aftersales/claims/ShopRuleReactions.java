package dev.aftersales.claims;

import dev.aftersales.claims.internal.ReactionRetry;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Tries the shop's automation rules when a claim comes to the seller's turn, after the move that brought it there
 * committed; from the event publication registry, so a node that stops first tries them when it runs again.
 */
@Component
class ShopRuleReactions {

    private final ShopRules rules;
    private final ReactionRetry retry;

    ShopRuleReactions(ShopRules rules, ReactionRetry retry) {
        this.rules = rules;
        this.retry = retry;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ClaimTransitioned moved) {
        if (moved.to() == ClaimStatus.AWAITING_SELLER) {
            retry.run("shop rules on " + moved.claimNumber(), () -> rules.apply(moved.claimId()));
        }
    }

    /** A chunk of moves: each as if it had come alone. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ClaimsTransitioned moves) {
        moves.byShop().forEach(this::on);
    }
}
