package dev.aftersales.support;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimReason;
import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.FileClaim;
import dev.aftersales.claims.Remedy;
import dev.aftersales.identity.ApiScope;
import dev.aftersales.identity.SellerApiKeys;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.shipping.Carrier;
import dev.aftersales.support.ApiCalls.Response;
import dev.aftersales.support.Fixtures.World;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Claims in the states the seller API answers, built through the modules' own services, a shop key for its ERP, and
 * the counts a test checks to see that a move was done once or not at all.
 */
@Component
public class SellerApiClaims {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Fixtures fixtures;
    private final ClaimManagement claims;
    private final SellerApiKeys keys;
    private final JdbcTemplate jdbc;

    SellerApiClaims(Fixtures fixtures, ClaimManagement claims, SellerApiKeys keys, JdbcTemplate jdbc) {
        this.fixtures = fixtures;
        this.claims = claims;
        this.keys = keys;
        this.jdbc = jdbc;
    }

    /** The shop's ERP with a key of these scopes. */
    public ApiCalls api(World shop, Set<ApiScope> scopes, int serverPort) {
        return new ApiCalls(serverPort, keys.create(shop.sellerUser(), Fixtures.unique("erp-"), scopes).value());
    }

    /**
     * A delivered order and a claim that one of its two A units is missing (¥30.00, one A unit) with this remedy,
     * waiting for the seller.
     */
    public Filed missingUnit(World shop, Remedy remedy) {
        OrderDetails order = fixtures.paidOrder(shop);
        fixtures.deliver(order, 2_150);
        long id = claims.file(new FileClaim(order.id(), ClaimType.MISSING_ITEM, ClaimReason.ITEMS_MISSING, remedy,
                "one box short", Map.of(Fixtures.lineId(order, "A"), 1), null, UUID.randomUUID().toString(),
                List.of()), shop.buyerUser());
        return filed(shop, id, order);
    }

    /** A missing unit the buyer wants sent again, accepted: the seller owes the reshipment. */
    public Filed awaitingReshipment(World shop) {
        Filed filed = missingUnit(shop, Remedy.RESHIP);
        claims.accept(filed.id(), shop.sellerUser(), null);
        return expect(filed, shop, ClaimStatus.AWAITING_RESHIPMENT);
    }

    /**
     * A return of one B unit (¥50.00) accepted, shipped back by the buyer and delivered to the shop: the seller owes
     * the inspection.
     */
    public Filed awaitingReturnConfirmation(World shop) {
        Filed filed = returnInTransit(shop);
        fixtures.deliverLeg(returnTracking(filed));
        return expect(filed, shop, ClaimStatus.AWAITING_RETURN_CONFIRMATION);
    }

    /** A return of one B unit (¥50.00) accepted and shipped back by the buyer, not yet delivered to the shop. */
    public Filed returnInTransit(World shop) {
        OrderDetails order = fixtures.paidOrder(shop);
        fixtures.deliver(order, 2_150);
        long id = claims.file(new FileClaim(order.id(), ClaimType.RETURN_REFUND, ClaimReason.NO_REASON,
                Remedy.RETURN_AND_REFUND, null, Map.of(Fixtures.lineId(order, "B"), 1), null,
                UUID.randomUUID().toString(), List.of()), shop.buyerUser());
        claims.accept(id, shop.sellerUser(), null);
        String tracking = Fixtures.trackingNumber();
        claims.shipReturn(id, shop.buyerUser(), null, Carrier.SF, tracking);
        return expect(filed(shop, id, order), shop, ClaimStatus.RETURN_IN_TRANSIT);
    }

    /** The tracking number of the claim's return parcel. */
    public String returnTracking(Filed filed) {
        return jdbc.queryForObject("select tracking_number from shipments where claim_id = ? and direction = 'RETURN'",
                String.class, filed.id());
    }

    private Filed filed(World shop, long id, OrderDetails order) {
        return new Filed(id, claims.claim(id, shop.buyerUser()).claimNumber(), order);
    }

    private Filed expect(Filed filed, World shop, ClaimStatus status) {
        ClaimStatus now = claims.claim(filed.id(), shop.sellerUser()).status();
        if (now != status) {
            throw new IllegalStateException("claim " + filed.number() + " is " + now + ", not " + status);
        }
        return filed;
    }

    /** The claim's version now. */
    public long version(Filed filed, World shop) {
        return claims.claim(filed.id(), shop.sellerUser()).version();
    }

    /** The claim's status now. */
    public ClaimStatus status(Filed filed, World shop) {
        return claims.claim(filed.id(), shop.sellerUser()).status();
    }

    /** How many timeline entries the claim has (of this action, or all). */
    public long steps(Filed filed, String action) {
        return action == null
                ? jdbc.queryForObject("select count(*) from claim_timeline where claim_id = ?", Long.class, filed.id())
                : jdbc.queryForObject("select count(*) from claim_timeline where claim_id = ? and action = ?",
                        Long.class, filed.id(), action);
    }

    /** How many messages the claim has. */
    public long messages(Filed filed) {
        return jdbc.queryForObject("select count(*) from claim_messages where claim_id = ?", Long.class, filed.id());
    }

    /** How many evidence files the claim has. */
    public long evidence(Filed filed) {
        return jdbc.queryForObject("select count(*) from claim_evidence where claim_id = ?", Long.class, filed.id());
    }

    /** How many money movements the claim's order has. */
    public long movements(Filed filed) {
        return jdbc.queryForObject("select count(*) from payment_movements where order_id = ?", Long.class,
                filed.order().id());
    }

    /** How many parcels the claim's order has (outbound, returns, reshipments). */
    public long parcels(Filed filed) {
        return jdbc.queryForObject("select count(*) from shipments where order_id = ?", Long.class,
                filed.order().id());
    }

    public static JsonNode json(Response response) {
        return JSON.readTree(response.body());
    }

    /** A claim as the seller's ERP knows it: its id, its number, its order. */
    public record Filed(long id, String number, OrderDetails order) {
    }
}
