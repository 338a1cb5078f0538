package dev.aftersales.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Objects;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.payments.internal.LocalPaymentProvider;
import dev.aftersales.payments.MovementKind;
import dev.aftersales.payments.MovementStatus;
import dev.aftersales.payments.PaymentExecuted;
import dev.aftersales.payments.internal.PaymentRetrySweep;
import dev.aftersales.shared.Money;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.LedgerInvariants;
import dev.aftersales.support.MutableClock;
import dev.aftersales.support.TestConfig;

/**
 * The money path of the claims module with only the modules it depends on (catalog, identity, ordering, shipping,
 * payments): a claim waiting for its refund is resolved when payments reports the refund paid, and the ledger never
 * pays out more than the order was paid.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@Import({ TestConfig.class, Fixtures.class, LedgerInvariants.class })
class RefundPaidModuleIntegrationTests {

    private final Fixtures fixtures;
    private final ClaimManagement claims;
    private final ClaimViews views;
    private final PaymentRetrySweep paymentRetries;
    private final LocalPaymentProvider provider;
    private final LedgerInvariants ledger;
    private final MutableClock clock;
    private final ApplicationContext context;

    private World world;
    private OrderDetails order;

    RefundPaidModuleIntegrationTests(Fixtures fixtures, ClaimManagement claims, ClaimViews views,
            PaymentRetrySweep paymentRetries, LocalPaymentProvider provider, LedgerInvariants ledger,
            MutableClock clock, ApplicationContext context) {
        this.fixtures = fixtures;
        this.claims = claims;
        this.views = views;
        this.paymentRetries = paymentRetries;
        this.provider = provider;
        this.ledger = ledger;
        this.clock = clock;
        this.context = context;
    }

    @Test
    void theClaimsModuleStartsWithTheModulesItDependsOnAndNoneOfThoseThatOnlyListenToIt() {
        var packages = Arrays.stream(context.getBeanDefinitionNames()).map(context::getType).filter(Objects::nonNull)
                .map(Class::getPackageName).filter(p -> p.startsWith("dev.aftersales.")).distinct().toList();
        assertThat(packages).contains("dev.aftersales.claims", "dev.aftersales.payments", "dev.aftersales.shipping",
                "dev.aftersales.ordering", "dev.aftersales.catalog", "dev.aftersales.identity");
        assertThat(packages).noneMatch(p -> p.startsWith("dev.aftersales.notifications")
                || p.startsWith("dev.aftersales.quality") || p.startsWith("dev.aftersales.risk")
                || p.startsWith("dev.aftersales.arbitration") || p.startsWith("dev.aftersales.webhooks")
                || p.startsWith("dev.aftersales.platform"));
    }

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        order = fixtures.paidOrder(world);
        fixtures.deliver(order, 2_000);
    }

    @AfterEach
    void providerBackUp() {
        provider.recover();
    }

    @Test
    void aRefundThePaymentProviderConfirmsLaterResolvesTheClaim(Scenario scenario) {
        long id = claims.file(ClaimFilings.oneAppleBoxMissing(order), world.buyerUser());
        provider.goDown();
        claims.accept(id, world.sellerUser(), null);
        ClaimView pending = views.detail(id, world.buyerUser());
        assertThat(pending.status()).isEqualTo(ClaimStatus.REFUND_PENDING);
        assertThat(pending.partyToAct()).isEqualTo(Party.SYSTEM);
        assertThat(pending.refunds()).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(MovementStatus.PENDING));

        provider.recover();
        clock.advance(Duration.ofMinutes(2));

        scenario.stimulate(() -> paymentRetries.retryDue())
                .andWaitForEventOfType(PaymentExecuted.class)
                .matching(paid -> Long.valueOf(id).equals(paid.claimId()))
                .toArriveAndVerify(paid -> {
                    assertThat(paid.kind()).isEqualTo(MovementKind.REFUND);
                    assertThat(paid.amount()).isEqualTo(Money.fen(3000));
                    assertThat(paid.orderId()).isEqualTo(order.id());
                });

        ClaimView done = views.detail(id, world.buyerUser());
        assertThat(done.status()).isEqualTo(ClaimStatus.RESOLVED);
        assertThat(done.partyToAct()).isEqualTo(Party.NONE);
        assertThat(done.outcome()).isEqualTo(Outcome.REFUNDED);
        assertThat(done.refundedAmount()).isEqualTo(Money.fen(3000));
        assertThat(done.refunds()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(MovementStatus.SUCCEEDED);
            assertThat(provider.transfersFor(r.idempotencyKey())).isEqualTo(1);
        });
        assertThat(done.timeline()).extracting(ClaimView.TimelineView::action)
                .containsExactly("FILED", "ACCEPTED", "REFUND_PAID");
        assertThat(done.timeline()).last().satisfies(step -> {
            assertThat(step.actorRole()).isEqualTo(ActorRole.SYSTEM);
            assertThat(step.from()).isEqualTo(ClaimStatus.REFUND_PENDING);
            assertThat(step.to()).isEqualTo(ClaimStatus.RESOLVED);
            assertThat(step.amount()).isEqualTo(Money.fen(3000));
        });
        LedgerInvariants.Ledger books = ledger.assertHold(order.id());
        assertThat(books.netRefundedMinor()).isEqualTo(3000);
    }

    @Test
    void aPartialRefundAcceptedByTheBuyerIsResolvedAsPartlyRefundedWhenPaid(Scenario scenario) {
        long id = claims.file(ClaimFilings.missing(order, "B", 1, Remedy.REFUND, "the bamboo board is missing"),
                world.buyerUser());
        claims.propose(id, world.sellerUser(), null, Remedy.REFUND, Money.fen(2000), "half of it, please");

        scenario.stimulate(() -> claims.acceptProposal(id, world.buyerUser(), null))
                .andWaitForStateChange(() -> views.detail(id, world.buyerUser()),
                        view -> view.status() == ClaimStatus.RESOLVED)
                .andVerify(done -> {
                    assertThat(done.outcome()).isEqualTo(Outcome.PARTIALLY_REFUNDED);
                    assertThat(done.partyToAct()).isEqualTo(Party.NONE);
                    assertThat(done.refundedAmount()).isEqualTo(Money.fen(2000));
                    assertThat(done.timeline()).extracting(ClaimView.TimelineView::action).endsWith("REFUND_PAID");
                });

        LedgerInvariants.Ledger books = ledger.assertHold(order.id());
        assertThat(books.netRefundedMinor()).isEqualTo(2000);
    }
}
