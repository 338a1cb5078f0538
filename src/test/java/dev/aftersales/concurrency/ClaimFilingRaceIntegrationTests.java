package dev.aftersales.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimNotAllowed;
import dev.aftersales.claims.ClaimReason;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.DuplicateClaim;
import dev.aftersales.claims.FileClaim;
import dev.aftersales.claims.Remedy;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.StorefrontOrder;
import dev.aftersales.payments.internal.LocalPaymentProvider;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.FormLogin;
import dev.aftersales.support.HttpUser;
import dev.aftersales.support.LedgerInvariants;
import dev.aftersales.support.LedgerInvariants.Ledger;
import dev.aftersales.support.MutableClock;
import dev.aftersales.support.Race;
import dev.aftersales.support.Race.Outcome;

/**
 * Buyers filing claims of every type on the same units at the same moment (double clicks, several tabs and devices,
 * scripts): a unit is in at most one open claim whatever the interleaving, so the seller accepting every claim that
 * got filed never pays a line twice.
 */
@AftersalesIntegrationTest
class ClaimFilingRaceIntegrationTests {

    private static final Pattern CLAIM_URL = Pattern.compile("/buyer/claims/(\\d+)$");

    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    LedgerInvariants ledger;
    @Autowired
    LocalPaymentProvider provider;
    @Autowired
    MutableClock clock;
    @Value("${local.server.port}")
    int port;

    World world;
    OrderDetails order;
    long lineA;
    long lineB;

    @BeforeEach
    void setUp() {
        clock.reset();
        provider.recover();
        world = fixtures.world();
        // 2 × A at ¥35.00 (the line: ¥70.00) and 3 × B at ¥50.00, delivered
        order = fixtures.paidOrder(world, List.of(new StorefrontOrder.Line("A", null, 2, 3500, null),
                new StorefrontOrder.Line("B", null, 3, 5000, null)), clock.instant().minusSeconds(3600));
        fixtures.deliver(order, 4_300);
        lineA = Fixtures.lineId(order, "A");
        lineB = Fixtures.lineId(order, "B");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void claimsOfEveryBuyerTypeFiledAtOnceNeverTakeAUnitTwice() {
        ClaimType[] onA = { ClaimType.REFUND_ONLY, ClaimType.MISSING_ITEM };
        ClaimType[] onB = { ClaimType.RETURN_REFUND, ClaimType.EXCHANGE, ClaimType.MISSING_ITEM };
        List<Outcome<Long>> outcomes = Race.run(24, i -> {
            boolean a = i % 2 == 0;
            ClaimType type = a ? onA[(i / 2) % onA.length] : onB[(i / 2) % onB.length];
            int units = a ? 2 : 1 + (i / 2) % 3;
            // on B a missing item asks for a reshipment: only line A's claims move money
            Remedy remedy = !a && type == ClaimType.MISSING_ITEM ? Remedy.RESHIP : remedyOf(type);
            FileClaim claim = new FileClaim(order.id(), type, reasonOf(type), remedy, "race " + i,
                    Map.of(a ? lineA : lineB, units), null, UUID.randomUUID().toString(), List.of());
            return () -> claims.file(claim, world.buyerUser());
        });

        assertThat(Race.unexpected(outcomes, ClaimNotAllowed.class, DuplicateClaim.class)).isEmpty();
        List<Long> filed = outcomes.stream().filter(Outcome::succeeded).map(Outcome::value).distinct().toList();
        assertThat(filed).isNotEmpty();
        ledger.assertUnitsClaimedAtMostOnce(order.id());

        // the seller accepts everything that was filed: each refund-only and missing-item claim is paid
        for (long id : filed) {
            claims.accept(id, world.sellerUser(), null);
        }
        Ledger money = ledger.assertHold(order.id());
        assertThat(money.line(lineA).refundedMinor()).as("line A paid once, in full").isEqualTo(7000);
        assertThat(money.line(lineA).refundedUnits()).isEqualTo(2);
        assertThat(money.sum("REFUND")).isEqualTo(7000);
    }

    @Test
    void notReceivedFiledAtOnceFromSeveralTabsFilesOneClaim() {
        OrderDetails shipped = fixtures.paidOrder(world, List.of(new StorefrontOrder.Line("A", null, 2, 3500, null)),
                clock.instant().minusSeconds(3600));
        fixtures.ship(shipped);
        clock.advance(java.time.Duration.ofDays(11));
        List<Outcome<Long>> outcomes = Race.runSame(12, () -> claims.file(new FileClaim(shipped.id(),
                ClaimType.NOT_RECEIVED, ClaimReason.NOT_DELIVERED, Remedy.REFUND, "never came", Map.of(), null,
                UUID.randomUUID().toString(), List.of()), world.buyerUser()));

        assertThat(Race.unexpected(outcomes, ClaimNotAllowed.class, DuplicateClaim.class)).isEmpty();
        List<Long> filed = outcomes.stream().filter(Outcome::succeeded).map(Outcome::value).distinct().toList();
        assertThat(filed).hasSize(1);
        claims.accept(filed.get(0), world.sellerUser(), null);
        Ledger money = ledger.assertHold(shipped.id());
        assertThat(money.sum("REFUND")).isEqualTo(7000);
        ledger.assertUnitsClaimedAtMostOnce(shipped.id());
    }

    /**
     * The reported case over HTTP: the buyer posts the refund-only and the missing-item form for both units of a
     * ¥70.00 line from several signed-in sessions at once. One claim is filed; every other post gets the form back
     * with the reason; the seller accepting pays ¥70.00, never ¥140.00.
     */
    @Test
    void refundOnlyAndMissingItemFormsPostedAtOnceFromSeveralSessionsFileOneClaim() {
        // one signed-in session per post: the buyer's phone, laptop and tablets
        List<HttpUser> sessions = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sessions.add(FormLogin.overHttp(port, world.buyer()));
        }
        List<Outcome<HttpUser.Page>> outcomes = Race.run(sessions.size(), i -> {
            HttpUser session = sessions.get(i);
            boolean refundOnly = i % 2 == 0;
            String type = refundOnly ? "REFUND_ONLY" : "MISSING_ITEM";
            Map<String, String> form = new HashMap<>();
            form.put("reason", refundOnly ? "DAMAGED" : "ITEMS_MISSING");
            form.put("remedy", "REFUND");
            form.put("description", "both units, post " + i);
            form.put("units[" + lineA + "]", "2");
            form.put("submissionKey", UUID.randomUUID().toString());
            String path = "/buyer/orders/" + order.id() + "/claims/new?type=" + type;
            return () -> session.submit(path, path, form);
        });

        assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).isNull());
        assertThat(outcomes).allSatisfy(o -> assertThat(o.value().status()).as("no request fails").isIn(302, 422));
        List<Long> filed = new ArrayList<>();
        for (Outcome<HttpUser.Page> o : outcomes) {
            if (o.value().status() == 302) {
                Matcher claim = CLAIM_URL.matcher(o.value().location());
                assertThat(claim.find()).as(o.value().location()).isTrue();
                filed.add(Long.parseLong(claim.group(1)));
            } else {
                assertThat(o.value().body()).as("a refused post says why next to the form")
                        .containsAnyOf("At most 0 units", "already open for these items",
                                "Every unit has been claimed or refunded already");
            }
        }
        assertThat(filed.stream().distinct().toList()).as("claims filed").hasSize(1);
        ledger.assertUnitsClaimedAtMostOnce(order.id());

        claims.accept(filed.get(0), world.sellerUser(), null);
        Ledger money = ledger.assertHold(order.id());
        assertThat(money.line(lineA).refundedMinor()).isEqualTo(7000);
        assertThat(money.sum("REFUND")).isEqualTo(7000);
    }

    static ClaimReason reasonOf(ClaimType type) {
        return switch (type) {
            case MISSING_ITEM -> ClaimReason.ITEMS_MISSING;
            case NOT_RECEIVED -> ClaimReason.NOT_DELIVERED;
            default -> ClaimReason.DAMAGED;
        };
    }

    static Remedy remedyOf(ClaimType type) {
        return switch (type) {
            case RETURN_REFUND -> Remedy.RETURN_AND_REFUND;
            case EXCHANGE -> Remedy.EXCHANGE;
            default -> Remedy.REFUND;
        };
    }
}
