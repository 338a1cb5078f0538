package dev.aftersales.identity;

/** What a seller's API key may do; a key holds one or more. */
public enum ApiScope {

    /** Read the shop's claims: the feed, one claim, its evidence files. */
    CLAIMS_READ("claims:read"),
    /** Answer the shop's claims: accept, propose, reject, confirm a return, reship, write a message. */
    CLAIMS_ANSWER("claims:answer"),
    /** Ship the shop's orders: enter the carrier and tracking number of an order's parcel. */
    ORDERS_SHIP("orders:ship");

    private final String code;

    ApiScope(String code) {
        this.code = code;
    }

    /** The scope's name in the API and its documentation. */
    public String code() {
        return code;
    }

    /** The Spring Security authority a request holding this scope has. */
    public String authority() {
        return "SCOPE_" + name();
    }
}
