package dev.aftersales.shared;

/** The people who sign in to the desk. Integration clients authenticate by API key and have no role here. */
public enum Role {
    /** A shopper: sees only their own orders and claims. */
    BUYER,
    /** Staff of one shop: sees only that shop's orders and claims. */
    SELLER,
    /** A platform specialist who arbitrates escalated cases and may read any order. */
    AGENT,
    /** A platform operator: users, shops, API clients and policy parameters. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    /** The page a user of this role lands on after signing in. */
    public String home() {
        return switch (this) {
            case BUYER -> "/buyer/orders";
            case SELLER -> "/seller/orders";
            case AGENT -> "/agent/queue";
            case ADMIN -> "/admin/users";
        };
    }
}
