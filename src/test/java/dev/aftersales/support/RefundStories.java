package dev.aftersales.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimReason;
import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.FileClaim;
import dev.aftersales.claims.Remedy;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.StorefrontOrder;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.Role;
import dev.aftersales.support.Fixtures.World;

/**
 * Builds claim-and-refund stories through the real services: orders of a fresh buyer each (so that no buyer's
 * history changes how the next claim is handled), claims filed by them, accepted by the seller unless fast-tracked.
 */
@Component
public class RefundStories {

    private final Fixtures fixtures;
    private final ClaimManagement claims;
    private final MutableClock clock;

    RefundStories(Fixtures fixtures, ClaimManagement claims, MutableClock clock) {
        this.fixtures = fixtures;
        this.claims = claims;
        this.clock = clock;
    }

    /** A world whose buyer is a fresh account. */
    public World withNewBuyer(World world) {
        UserAccount buyer = fixtures.account(Role.BUYER, null);
        return new World(world.shop(), world.products(), world.seller(), buyer);
    }

    /** An order of a fresh buyer paid at {@code paidAt}, delivered now with the measured weight. */
    public Placed delivered(World world, Instant paidAt, Integer measuredGrams, StorefrontOrder.Line... lines) {
        World w = withNewBuyer(world);
        OrderDetails order = fixtures.paidOrder(w, List.of(lines), paidAt);
        fixtures.deliver(order, measuredGrams);
        return new Placed(w, fixtures.reload(order));
    }

    /** An order of a fresh buyer paid an hour ago and not shipped. */
    public Placed paid(World world, StorefrontOrder.Line... lines) {
        World w = withNewBuyer(world);
        return new Placed(w, fixtures.paidOrder(w, List.of(lines), clock.instant().minusSeconds(3600)));
    }

    public static StorefrontOrder.Line line(String sku, int quantity, long unitPriceMinor) {
        return new StorefrontOrder.Line(sku, null, quantity, unitPriceMinor, null);
    }

    /** Files a claim on {@code units} units of the SKU; the id. */
    public long file(Placed placed, ClaimType type, ClaimReason reason, Remedy remedy, String sku, int units,
            Money amount) {
        return claims.file(new FileClaim(placed.order().id(), type, reason, remedy, "test claim",
                Map.of(Fixtures.lineId(placed.order(), sku), units), amount, UUID.randomUUID().toString(),
                List.of()), placed.world().buyerUser());
    }

    /** Files a refund-only claim and has it refunded (accepted by the seller unless fast-tracked already). */
    public long refunded(Placed placed, ClaimReason reason, String sku, int units, Money amount) {
        long id = file(placed, ClaimType.REFUND_ONLY, reason, Remedy.REFUND, sku, units, amount);
        acceptIfWaiting(placed, id);
        return id;
    }

    public void acceptIfWaiting(Placed placed, long id) {
        if (claims.claim(id, placed.world().sellerUser()).status() == ClaimStatus.AWAITING_SELLER) {
            claims.accept(id, placed.world().sellerUser(), null);
        }
    }

    public record Placed(World world, OrderDetails order) {
    }
}
