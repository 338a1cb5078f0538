package dev.aftersales.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.aftersales.claims.internal.ClaimMessage;
import dev.aftersales.claims.internal.ClaimMessageRepository;
import dev.aftersales.claims.internal.ShopRule;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.NotFound;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.LedgerInvariants;
import dev.aftersales.support.MutableClock;

/**
 * A shop's automation rules acting on claims as they come to the seller: each accept rule on its own condition, the
 * saved reply with its placeholders, once per claim however often its event arrives, on the timeline as the shop's
 * rule with its facts, and never past the platform's marks (a claim for review, a buyer not in good standing).
 */
@AftersalesIntegrationTest
class ShopRulesIntegrationTests {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    ShopRules rules;
    @Autowired
    ClaimInterventions interventions;
    @Autowired
    dev.aftersales.risk.internal.RiskSettingsStore thresholds;
    @Autowired
    LedgerInvariants ledger;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    MutableClock clock;

    World world;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
    }

    @AfterEach
    void restore() {
        clock.reset();
    }

    OrderDetails delivered(Integer measuredGrams) {
        OrderDetails order = fixtures.paidOrder(world);
        fixtures.deliver(order, measuredGrams);
        return order;
    }

    /** A refund-only claim on the B line (¥50.00), for this much. */
    long refundOnly(OrderDetails order, long fen) {
        return claims.file(ClaimFilings.refundOnly(order, "B", 1, ClaimReason.QUALITY, "the board is cracked", Money.fen(fen)), world.buyerUser());
    }

    /** One of the two A units missing (¥30.00). */
    long oneUnitMissing(OrderDetails order) {
        return claims.file(ClaimFilings.missing(order, "A", 1, Remedy.REFUND, "one box short"), world.buyerUser());
    }

    Claim claim(long id) {
        return claims.claim(id, world.sellerUser());
    }

    /** The claim's timeline entries of a shop rule's accept. */
    List<Step> byRule(long id) {
        return jdbc.query("select actor_role, actor_name, rule, note from claim_timeline where claim_id = ? "
                + "and action = 'ACCEPTED_BY_SHOP_RULE'", (rs, n) -> new Step(ActorRole.valueOf(rs.getString(1)),
                        rs.getString(2), rs.getString(3), rs.getString(4)), id);
    }

    record Step(ActorRole actorRole, String actorName, String rule, String note) {
    }

    long fired(ShopRule rule) {
        return jdbc.queryForObject("select fired_count from shop_rules where id = ?", Long.class, rule.id());
    }

    @Test
    void aSmallRefundRuleAcceptsUpToItsAmountAndSaysSoOnTheTimeline() {
        ShopRule rule = rules.create(world.sellerUser(), "Small refunds", ShopRuleKind.ACCEPT_SMALL_REFUND,
                Money.fen(4000), null);

        long within = refundOnly(delivered(2_150), 4000);
        long above = refundOnly(delivered(2_150), 4500);

        assertThat(byRule(within)).singleElement().satisfies(step -> {
            assertThat(step.actorRole()).isEqualTo(ActorRole.SELLER);
            assertThat(step.actorName()).isEqualTo("Small refunds");
            assertThat(step.rule()).isEqualTo("shop-rule");
            assertThat(step.note()).contains("¥40.00 ≤ ¥40.00").contains("standing normal");
        });
        assertThat(ledger.assertHold(claim(within).orderId()).netRefundedMinor()).isEqualTo(4000);
        assertThat(byRule(above)).isEmpty();
        assertThat(claim(above).status()).isEqualTo(ClaimStatus.AWAITING_SELLER);
        assertThat(fired(rule)).isEqualTo(1);
    }

    @Test
    void aShortageRuleAcceptsOnlyWhatTheParcelsWeightConfirms() {
        rules.create(world.sellerUser(), "Weighed shortages", ShopRuleKind.ACCEPT_CORROBORATED_SHORTAGE, null, null);

        long light = oneUnitMissing(delivered(1_725)); // a 500 g box short: 1,500 g of goods and their packaging
        long full = oneUnitMissing(delivered(2_250)); // everything was in the parcel

        assertThat(claim(light).weightVerdict()).isEqualTo(WeightVerdict.CORROBORATES);
        assertThat(byRule(light)).singleElement().satisfies(step -> assertThat(step.note()).contains("weight"));
        assertThat(ledger.assertHold(claim(light).orderId()).netRefundedMinor()).isEqualTo(3000);
        assertThat(claim(full).weightVerdict()).isNotEqualTo(WeightVerdict.CORROBORATES);
        assertThat(byRule(full)).isEmpty();
        assertThat(claim(full).status()).isEqualTo(ClaimStatus.AWAITING_SELLER);
    }

    @Test
    void aReshipRuleProposesToSendMissingUnitsStillListedAndTheBuyerStillChooses() {
        rules.create(world.sellerUser(), "Reship listed", ShopRuleKind.PROPOSE_RESHIP, null,
                "We send the missing box of {order} again today.");
        OrderDetails order = delivered(1_725); // the parcel's weight does not contradict the buyer

        long id = oneUnitMissing(order);

        Claim claim = claim(id);
        assertThat(claim.status()).isEqualTo(ClaimStatus.PROPOSAL_PENDING);
        assertThat(claim.proposal().remedy()).isEqualTo(Remedy.RESHIP);
        assertThat(claim.proposal().note()).isEqualTo("We send the missing box of " + order.orderNumber() + " again today.");
        List<Step> steps = jdbc.query("select actor_role, actor_name, rule, note from claim_timeline where claim_id = ?"
                + " and action = 'PROPOSED_RESHIP'", (rs, n) -> new Step(ActorRole.valueOf(rs.getString(1)),
                        rs.getString(2), rs.getString(3), rs.getString(4)), id);
        assertThat(steps).singleElement().satisfies(step -> {
            assertThat(step.actorName()).isEqualTo("Reship listed");
            assertThat(step.rule()).isEqualTo("shop-rule");
            assertThat(step.note()).contains("A still listed for sale");
        });
        assertThat(ledger.of(order.id()).sum("REFUND")).isZero();

        jdbc.update("update products set listed = false where shop_id = ? and sku = 'A'", world.shop().id());
        long delisted = oneUnitMissing(delivered(1_725));
        assertThat(claim(delisted).status()).isEqualTo(ClaimStatus.AWAITING_SELLER);
    }

    @Test
    void noRuleActsOnAClaimMarkedForReview() {
        ShopRule rule = rules.create(world.sellerUser(), "Small refunds", ShopRuleKind.ACCEPT_SMALL_REFUND,
                Money.fen(10000), null);
        rules.switchRule(rule.id(), world.sellerUser(), false);
        long marked = refundOnly(delivered(2_150), 4000);
        interventions.markForReview(marked, "return-abuse score 82 (review)");
        rules.switchRule(rule.id(), world.sellerUser(), true);

        // the claim comes to the seller's turn again with the rule on
        new TransactionTemplate(transactions).executeWithoutResult(tx -> rules.apply(marked));

        assertThat(claim(marked).reviewReason()).isNotNull();
        assertThat(byRule(marked)).isEmpty();
        assertThat(claim(marked).status()).isEqualTo(ClaimStatus.AWAITING_SELLER);
        assertThat(ledger.of(claim(marked).orderId()).sum("REFUND")).isZero();
        assertThat(fired(rule)).isZero();
    }

    @Test
    void noRuleActsForABuyerOnTheWatchlistThoughFastTrackWouldStillServeThem() {
        ShopRule rule = rules.create(world.sellerUser(), "Small refunds", ShopRuleKind.ACCEPT_SMALL_REFUND,
                Money.fen(10000), null);
        thresholds.change("watchScore", "0", "test"); // every buyer's score is on the watchlist, none for review
        try {
            long watched = refundOnly(delivered(2_150), 4000);

            assertThat(claim(watched).reviewReason()).isNull();
            assertThat(byRule(watched)).isEmpty();
            assertThat(claim(watched).status()).isEqualTo(ClaimStatus.AWAITING_SELLER);
            assertThat(fired(rule)).isZero();
        } finally {
            thresholds.change("watchScore", "40", "test");
        }
    }

    @Test
    void noRuleActsForABuyerNotInGoodStanding() {
        for (int i = 0; i <= ClaimHistoryStanding.MAX_OTHER_CLAIMS; i++) {
            refundOnly(delivered(2_150), 4500); // earlier claims, before the rule
        }
        ShopRule rule = rules.create(world.sellerUser(), "Small refunds", ShopRuleKind.ACCEPT_SMALL_REFUND,
                Money.fen(10000), null);

        long next = refundOnly(delivered(2_150), 4000);

        assertThat(byRule(next)).isEmpty();
        assertThat(claim(next).status()).isEqualTo(ClaimStatus.AWAITING_SELLER);
        assertThat(fired(rule)).isZero();
    }

    @Test
    void aSavedReplyAnswersEachNewClaimOnceWithItsPlaceholdersFilled() {
        ShopRule rule = rules.create(world.sellerUser(), "Greeting", ShopRuleKind.REPLY, null,
                "Hello {buyer}, we are looking at {claim} for order {order} ({amount}).");
        OrderDetails order = delivered(2_150);

        long id = refundOnly(order, 4500);
        new TransactionTemplate(transactions).executeWithoutResult(tx -> rules.apply(id)); // the event again

        Claim claim = claim(id);
        List<ClaimMessage> sent = claimsMessages(id);
        assertThat(sent).singleElement().satisfies(m -> {
            assertThat(m.authorName()).isEqualTo("Greeting");
            assertThat(m.authorRole()).isEqualTo(ActorRole.SELLER);
            assertThat(m.body()).isEqualTo("Hello " + world.buyer().displayName() + ", we are looking at "
                    + claim.claimNumber() + " for order " + order.orderNumber() + " (¥45.00).");
        });
        assertThat(claim.status()).isEqualTo(ClaimStatus.AWAITING_SELLER);
        assertThat(fired(rule)).isEqualTo(1);
    }

    @Test
    void aRuleSwitchedOffActsOnNothingAndAnotherShopCannotSwitchIt() {
        ShopRule rule = rules.create(world.sellerUser(), "Small refunds", ShopRuleKind.ACCEPT_SMALL_REFUND,
                Money.fen(10000), null);
        rules.switchRule(rule.id(), world.sellerUser(), false);
        World other = fixtures.world();
        assertThatThrownBy(() -> rules.switchRule(rule.id(), other.sellerUser(), true)).isInstanceOf(NotFound.class);

        long id = refundOnly(delivered(2_150), 4000);

        assertThat(byRule(id)).isEmpty();
        assertThat(rules.rulesOf(world.sellerUser())).singleElement().satisfies(r -> assertThat(r.active()).isFalse());
        assertThat(rules.rulesOf(other.sellerUser())).isEmpty();
    }

    @Test
    void aRuleIsRefusedAtTheFieldThatIsWrong() {
        assertThatThrownBy(() -> rules.create(world.sellerUser(), "x", ShopRuleKind.REPLY, null, "hi"))
                .isInstanceOfSatisfying(ClaimNotAllowed.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> rules.create(world.sellerUser(), "Small", ShopRuleKind.ACCEPT_SMALL_REFUND, null,
                null)).isInstanceOfSatisfying(ClaimNotAllowed.class, e -> assertThat(e.field()).isEqualTo("maxAmount"));
        assertThatThrownBy(() -> rules.create(world.sellerUser(), "Reply", ShopRuleKind.REPLY, null, " "))
                .isInstanceOfSatisfying(ClaimNotAllowed.class, e -> assertThat(e.field()).isEqualTo("replyText"));
        assertThat(rules.rulesOf(world.sellerUser())).isEmpty();
    }

    @Autowired
    ClaimMessageRepository messages;

    List<ClaimMessage> claimsMessages(long id) {
        return messages.findByClaimIdOrderBySentAtAscIdAsc(id);
    }
}
