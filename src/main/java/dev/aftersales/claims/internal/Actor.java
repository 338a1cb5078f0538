package dev.aftersales.claims.internal;

import dev.aftersales.claims.ActorRole;
import dev.aftersales.shared.CurrentUser;

/**
 * Who does something to a claim.
 *
 * @param id   the account, {@code null} for the system and carriers
 * @param name the name shown on the timeline
 */
public record Actor(ActorRole role, Long id, String name) {

    public static final Actor SYSTEM = new Actor(ActorRole.SYSTEM, null, "System");
    public static final Actor CARRIER = new Actor(ActorRole.CARRIER, null, "Carrier");

    public static Actor of(CurrentUser user) {
        ActorRole role = switch (user.role()) {
            case BUYER -> ActorRole.BUYER;
            case SELLER -> ActorRole.SELLER;
            case AGENT, ADMIN -> ActorRole.AGENT;
        };
        return new Actor(role, user.accountId(), user.displayName());
    }

    public String ledgerName() {
        return id == null ? role.name() : role.name() + ":" + id;
    }
}
