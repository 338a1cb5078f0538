package dev.aftersales.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.test.util.ReflectionTestUtils;

import dev.aftersales.claims.internal.Actor;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.Role;

/** The claim's state machine: every move allowed where it should be, refused everywhere else. */
class ClaimTests {

    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    static final ClaimClock CLOCK = new ClaimClock(Duration.ofHours(48), Duration.ofDays(7), Duration.ofDays(7),
            Duration.ofDays(7), Duration.ofHours(48), Duration.ofHours(72), Duration.ofHours(48), Duration.ofDays(7),
            Duration.ofDays(10), Duration.ofHours(72), Duration.ofHours(24));
    static final Actor BUYER = new Actor(ActorRole.BUYER, 7L, "Li Na");
    static final Actor OTHER_BUYER = new Actor(ActorRole.BUYER, 8L, "Someone");
    static final Actor SELLER = new Actor(ActorRole.SELLER, 3L, "Wang Fang");

    static Claim claim(ClaimType type, Remedy remedy, ClaimReason reason) {
        ClaimDraft draft = new ClaimDraft("AS1", 11L, "SO1", 5L, 7L, type, reason, remedy, "two boxes missing",
                Money.fen(6000), List.of(new ClaimDraft.Line(21L, "A", "Apple box", 2, 500, Money.fen(6000))),
                WeightVerdict.CORROBORATES, "key");
        Claim claim = Claim.file(draft, BUYER, CLOCK, T0);
        ReflectionTestUtils.setField(claim, "id", 99L);
        return claim;
    }

    static Claim missingRefund() {
        return claim(ClaimType.MISSING_ITEM, Remedy.REFUND, ClaimReason.ITEMS_MISSING);
    }

    static Claim returnRefund() {
        return claim(ClaimType.RETURN_REFUND, Remedy.RETURN_AND_REFUND, ClaimReason.NO_REASON);
    }

    static final Instant LATER = T0.plus(Duration.ofHours(1));

    /** A claim brought into each status by real moves. */
    static Claim in(ClaimStatus status) {
        Claim c;
        switch (status) {
            case AWAITING_SELLER -> c = missingRefund();
            case PROPOSAL_PENDING -> {
                c = missingRefund();
                c.propose(SELLER, Remedy.RESHIP, null, "we send it again", CLOCK, LATER);
            }
            case REJECTED_BY_SELLER -> {
                c = missingRefund();
                c.reject(SELLER, "the parcel was complete", CLOCK, LATER);
            }
            case AWAITING_RETURN_SHIPMENT -> {
                c = returnRefund();
                c.accept(SELLER, CLOCK, LATER);
            }
            case RETURN_IN_TRANSIT -> {
                c = in(ClaimStatus.AWAITING_RETURN_SHIPMENT);
                c.returnShipped(BUYER, 1L, "SF1", CLOCK, LATER);
            }
            case AWAITING_RETURN_CONFIRMATION -> {
                c = in(ClaimStatus.RETURN_IN_TRANSIT);
                c.returnDelivered(LATER, CLOCK);
            }
            case AWAITING_RESHIPMENT -> {
                c = claim(ClaimType.MISSING_ITEM, Remedy.RESHIP, ClaimReason.ITEMS_MISSING);
                c.accept(SELLER, CLOCK, LATER);
            }
            case RESHIPMENT_IN_TRANSIT -> {
                c = in(ClaimStatus.AWAITING_RESHIPMENT);
                c.reshipped(SELLER, 2L, "SF2", CLOCK, LATER);
            }
            case REFUND_PENDING -> {
                c = missingRefund();
                c.accept(SELLER, CLOCK, LATER);
            }
            case RESOLVED -> {
                c = in(ClaimStatus.REFUND_PENDING);
                c.refundPaid(Money.fen(6000), Money.fen(6000), LATER);
            }
            case WITHDRAWN -> {
                c = missingRefund();
                c.withdraw(BUYER, null, LATER);
            }
            case AWAITING_AGENT -> {
                c = in(ClaimStatus.REJECTED_BY_SELLER);
                c.escalate(BUYER, "the seller is wrong", CLOCK, LATER);
            }
            default -> throw new IllegalArgumentException(status.name());
        }
        assertThat(c.status()).isEqualTo(status);
        c.drainEffects();
        return c;
    }

    static final Map<String, Consumer<Claim>> MOVES = new LinkedHashMap<>();
    static {
        MOVES.put("accept", c -> c.accept(SELLER, CLOCK, LATER));
        MOVES.put("propose", c -> c.propose(SELLER, Remedy.EXCHANGE, null, "exchange instead", CLOCK, LATER));
        MOVES.put("reject", c -> c.reject(SELLER, "no", CLOCK, LATER));
        MOVES.put("reshipped", c -> c.reshipped(SELLER, 5L, "SF5", CLOCK, LATER));
        MOVES.put("confirmReturn", c -> c.confirmReturn(SELLER, InspectionResult.AS_SOLD, null, null, CLOCK, LATER));
        MOVES.put("acceptProposal", c -> c.acceptProposal(BUYER, CLOCK, LATER));
        MOVES.put("rejectProposal", c -> c.rejectProposal(BUYER, "not enough", CLOCK, LATER));
        MOVES.put("returnShipped", c -> c.returnShipped(BUYER, 6L, "SF6", CLOCK, LATER));
        MOVES.put("confirmReceived", c -> c.confirmReceived(BUYER, LATER));
        MOVES.put("withdraw", c -> c.withdraw(BUYER, null, LATER));
        MOVES.put("buyerEscalates", c -> c.escalate(BUYER, "help", CLOCK, LATER));
        MOVES.put("sellerEscalates", c -> c.escalate(SELLER, "suspected abuse", CLOCK, LATER));
    }

    static final Map<ClaimStatus, Set<String>> ALLOWED = new EnumMap<>(ClaimStatus.class);
    static {
        ALLOWED.put(ClaimStatus.AWAITING_SELLER, Set.of("accept", "propose", "reject", "withdraw", "sellerEscalates"));
        ALLOWED.put(ClaimStatus.PROPOSAL_PENDING, Set.of("acceptProposal", "rejectProposal", "withdraw"));
        ALLOWED.put(ClaimStatus.REJECTED_BY_SELLER, Set.of("withdraw", "buyerEscalates"));
        ALLOWED.put(ClaimStatus.AWAITING_RETURN_SHIPMENT, Set.of("returnShipped", "withdraw"));
        ALLOWED.put(ClaimStatus.RETURN_IN_TRANSIT, Set.of("confirmReturn"));
        ALLOWED.put(ClaimStatus.AWAITING_RETURN_CONFIRMATION, Set.of("confirmReturn", "sellerEscalates"));
        ALLOWED.put(ClaimStatus.AWAITING_RESHIPMENT, Set.of("reshipped", "withdraw", "sellerEscalates"));
        ALLOWED.put(ClaimStatus.RESHIPMENT_IN_TRANSIT, Set.of("confirmReceived"));
        ALLOWED.put(ClaimStatus.REFUND_PENDING, Set.of());
        ALLOWED.put(ClaimStatus.RESOLVED, Set.of());
        ALLOWED.put(ClaimStatus.WITHDRAWN, Set.of());
        ALLOWED.put(ClaimStatus.AWAITING_AGENT, Set.of("withdraw"));
    }

    @ParameterizedTest
    @EnumSource(value = ClaimStatus.class, names = { "AWAITING_SELLER", "PROPOSAL_PENDING", "REJECTED_BY_SELLER",
            "AWAITING_RETURN_SHIPMENT", "RETURN_IN_TRANSIT", "AWAITING_RETURN_CONFIRMATION", "AWAITING_RESHIPMENT",
            "RESHIPMENT_IN_TRANSIT", "REFUND_PENDING", "RESOLVED", "WITHDRAWN", "AWAITING_AGENT" })
    void everyMoveIsAllowedExactlyWhereItShouldBe(ClaimStatus status) {
        for (var move : MOVES.entrySet()) {
            Claim claim = in(status);
            int entries = claim.timeline().size();
            boolean expected = ALLOWED.get(status).contains(move.getKey());
            if (expected) {
                move.getValue().accept(claim);
                assertThat(claim.timeline()).as(move.getKey() + " appends one entry").hasSize(entries + 1);
                assertThat(claim.pendingEvents()).as(move.getKey() + " registers an event")
                        .last().isInstanceOf(ClaimTransitioned.class);
            } else {
                assertThatThrownBy(() -> move.getValue().accept(claim))
                        .as(move.getKey() + " in " + status).isInstanceOf(TransitionRejected.class);
                assertThat(claim.status()).isEqualTo(status);
                assertThat(claim.timeline()).hasSize(entries);
            }
        }
    }

    static final CurrentUser BUYER_VIEWER = new CurrentUser(7L, "lina", "Li Na", Role.BUYER, null);
    static final CurrentUser SELLER_VIEWER = new CurrentUser(3L, "wangfang", "Wang Fang", Role.SELLER, 5L);

    /** The page's offer for each move, by the viewer who would make it. */
    static final Map<String, Map.Entry<CurrentUser, ClaimAction>> OFFERED_AS = new LinkedHashMap<>();
    static {
        OFFERED_AS.put("accept", Map.entry(SELLER_VIEWER, ClaimAction.ACCEPT));
        OFFERED_AS.put("propose", Map.entry(SELLER_VIEWER, ClaimAction.PROPOSE));
        OFFERED_AS.put("reject", Map.entry(SELLER_VIEWER, ClaimAction.REJECT));
        OFFERED_AS.put("reshipped", Map.entry(SELLER_VIEWER, ClaimAction.RESHIP));
        OFFERED_AS.put("confirmReturn", Map.entry(SELLER_VIEWER, ClaimAction.CONFIRM_RETURN));
        OFFERED_AS.put("acceptProposal", Map.entry(BUYER_VIEWER, ClaimAction.ACCEPT_PROPOSAL));
        OFFERED_AS.put("rejectProposal", Map.entry(BUYER_VIEWER, ClaimAction.REJECT_PROPOSAL));
        OFFERED_AS.put("returnShipped", Map.entry(BUYER_VIEWER, ClaimAction.SHIP_RETURN));
        OFFERED_AS.put("confirmReceived", Map.entry(BUYER_VIEWER, ClaimAction.CONFIRM_RECEIVED));
        OFFERED_AS.put("withdraw", Map.entry(BUYER_VIEWER, ClaimAction.WITHDRAW));
        OFFERED_AS.put("buyerEscalates", Map.entry(BUYER_VIEWER, ClaimAction.ESCALATE));
        OFFERED_AS.put("sellerEscalates", Map.entry(SELLER_VIEWER, ClaimAction.ESCALATE));
    }

    /** A page offers a move exactly where the claim then accepts it: one set of rules answers both. */
    @ParameterizedTest
    @EnumSource(value = ClaimStatus.class, names = { "AWAITING_SELLER", "PROPOSAL_PENDING", "REJECTED_BY_SELLER",
            "AWAITING_RETURN_SHIPMENT", "RETURN_IN_TRANSIT", "AWAITING_RETURN_CONFIRMATION", "AWAITING_RESHIPMENT",
            "RESHIPMENT_IN_TRANSIT", "REFUND_PENDING", "RESOLVED", "WITHDRAWN", "AWAITING_AGENT" })
    void thePageOffersExactlyTheMovesTheClaimAccepts(ClaimStatus status) {
        for (var move : OFFERED_AS.entrySet()) {
            Claim claim = in(status);
            boolean offered = claim.allowedMoves(move.getValue().getKey(), LATER).contains(move.getValue().getValue());
            boolean accepted;
            try {
                MOVES.get(move.getKey()).accept(claim);
                accepted = true;
            } catch (TransitionRejected refused) {
                accepted = false;
            }
            assertThat(offered).as(move.getKey() + " offered in " + status).isEqualTo(accepted);
        }
    }

    @Test
    void filingWaitsForTheSellersFirstAnswerFor48Hours() {
        Claim claim = missingRefund();
        assertThat(claim.status()).isEqualTo(ClaimStatus.AWAITING_SELLER);
        assertThat(claim.partyToAct()).isEqualTo(Party.SELLER);
        assertThat(claim.dueAt()).isEqualTo(T0.plus(Duration.ofHours(48)));
        assertThat(claim.timeline()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(TimelineAction.FILED);
            assertThat(e.actorRole()).isEqualTo(ActorRole.BUYER);
            assertThat(e.toStatus()).isEqualTo(ClaimStatus.AWAITING_SELLER);
        });
    }

    @Test
    void onlyTheClaimsOwnBuyerMovesTheBuyerSide() {
        Claim claim = in(ClaimStatus.PROPOSAL_PENDING);
        assertThatThrownBy(() -> claim.acceptProposal(OTHER_BUYER, CLOCK, LATER))
                .isInstanceOf(TransitionRejected.class);
        assertThatThrownBy(() -> claim.acceptProposal(SELLER, CLOCK, LATER)).isInstanceOf(TransitionRejected.class);
        assertThatThrownBy(() -> in(ClaimStatus.AWAITING_SELLER).accept(BUYER, CLOCK, LATER))
                .isInstanceOf(TransitionRejected.class);
    }

    @Test
    void acceptingARefundAsksForTheRefundOfTheClaimedUnits() {
        Claim claim = missingRefund();
        claim.accept(SELLER, CLOCK, LATER);
        assertThat(claim.status()).isEqualTo(ClaimStatus.REFUND_PENDING);
        assertThat(claim.partyToAct()).isEqualTo(Party.SYSTEM);
        assertThat(claim.drainEffects()).singleElement().isInstanceOfSatisfying(ClaimEffect.Refund.class, r -> {
            assertThat(r.amount()).isEqualTo(Money.fen(6000));
            assertThat(r.lines()).singleElement().satisfies(l -> {
                assertThat(l.orderLineId()).isEqualTo(21L);
                assertThat(l.quantity()).isEqualTo(2);
            });
        });
        assertThat(claim.drainEffects()).as("effects are handed over once").isEmpty();
    }

    @Test
    void aPartialRefundProposalMustBeLessThanTheRequestAndPositive() {
        Claim claim = missingRefund();
        assertThatThrownBy(() -> claim.propose(SELLER, Remedy.REFUND, Money.fen(6000), "all", CLOCK, LATER))
                .isInstanceOf(TransitionRejected.class);
        assertThatThrownBy(() -> claim.propose(SELLER, Remedy.REFUND, Money.fen(0), "nothing", CLOCK, LATER))
                .isInstanceOf(TransitionRejected.class);
        assertThatThrownBy(() -> claim.propose(SELLER, Remedy.REFUND, Money.fen(2000), " ", CLOCK, LATER))
                .as("a proposal says why").isInstanceOf(TransitionRejected.class);
        claim.propose(SELLER, Remedy.REFUND, Money.fen(2000), "one box was found", CLOCK, LATER);
        assertThat(claim.status()).isEqualTo(ClaimStatus.PROPOSAL_PENDING);
        assertThat(claim.dueAt()).isEqualTo(LATER.plus(Duration.ofDays(7)));
        claim.acceptProposal(BUYER, CLOCK, LATER);
        assertThat(claim.drainEffects()).singleElement()
                .isInstanceOfSatisfying(ClaimEffect.Refund.class, r -> assertThat(r.amount()).isEqualTo(Money.fen(2000)));
    }

    @Test
    void rejectingAProposalGivesTheSellerAnotherTurnAndLetsTheBuyerEscalate() {
        Claim claim = in(ClaimStatus.PROPOSAL_PENDING);
        assertThat(claim.canEscalate(BUYER, LATER)).isFalse();
        claim.rejectProposal(BUYER, "I want my money", CLOCK, LATER);
        assertThat(claim.status()).isEqualTo(ClaimStatus.AWAITING_SELLER);
        assertThat(claim.canEscalate(BUYER, LATER)).isTrue();
        assertThat(claim.canEscalate(OTHER_BUYER, LATER)).isFalse();
    }

    @Test
    void aMissedSellerDeadlineLetsTheBuyerEscalate() {
        Claim claim = missingRefund();
        assertThat(claim.canEscalate(BUYER, T0.plus(Duration.ofHours(47)))).isFalse();
        assertThat(claim.canEscalate(BUYER, T0.plus(Duration.ofHours(48)))).isTrue();
    }

    @Test
    void aReturnNotAsSoldBecomesAnOfferTheBuyerCanTakeOrFight() {
        Claim claim = in(ClaimStatus.AWAITING_RETURN_CONFIRMATION);
        assertThatThrownBy(() -> claim.confirmReturn(SELLER, InspectionResult.USED, " ", Money.fen(1000), CLOCK,
                LATER)).as("the seller says what was found").isInstanceOf(TransitionRejected.class);
        claim.confirmReturn(SELLER, InspectionResult.USED, "worn, tags removed", Money.fen(1000), CLOCK, LATER);
        assertThat(claim.status()).isEqualTo(ClaimStatus.PROPOSAL_PENDING);
        assertThat(claim.proposalAmount()).isEqualTo(Money.fen(1000));
        assertThat(claim.drainEffects()).isEmpty();
        claim.rejectProposal(BUYER, "it was new", CLOCK, LATER);
        assertThat(claim.status()).isEqualTo(ClaimStatus.AWAITING_RETURN_CONFIRMATION);
        assertThat(claim.canEscalate(BUYER, LATER)).isTrue();
    }

    @Test
    void anExchangeReturnedAsSoldWaitsForTheReplacement() {
        Claim claim = claim(ClaimType.EXCHANGE, Remedy.EXCHANGE, ClaimReason.WRONG_ITEM);
        claim.accept(SELLER, CLOCK, LATER);
        claim.returnShipped(BUYER, 1L, "SF1", CLOCK, LATER);
        claim.returnDelivered(LATER, CLOCK);
        claim.confirmReturn(SELLER, InspectionResult.AS_SOLD, null, null, CLOCK, LATER);
        assertThat(claim.status()).isEqualTo(ClaimStatus.AWAITING_RESHIPMENT);
        claim.reshipped(SELLER, 3L, "SF3", CLOCK, LATER);
        claim.reshipmentDelivered(LATER);
        assertThat(claim.status()).isEqualTo(ClaimStatus.RESOLVED);
        assertThat(claim.outcome()).isEqualTo(Outcome.EXCHANGED);
        assertThat(claim.drainEffects()).isEmpty();
    }

    // ------------------------------------------------------------ deadlines (docs/rules.md#deadlines)

    @Test
    void deadlinesDoNothingBeforeTheyPass() {
        Claim claim = missingRefund();
        claim.onDeadline(CLOCK, T0.plus(Duration.ofHours(47)));
        assertThat(claim.status()).isEqualTo(ClaimStatus.AWAITING_SELLER);
        assertThat(claim.timeline()).hasSize(1);
    }

    @Test
    void sellerSilenceAcceptsTheRequestedRemedy() {
        Claim refund = missingRefund();
        refund.onDeadline(CLOCK, refund.dueAt());
        assertThat(refund.status()).isEqualTo(ClaimStatus.REFUND_PENDING);
        assertThat(refund.timeline()).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo(TimelineAction.AUTO_ACCEPTED);
            assertThat(e.rule()).isEqualTo("seller-first-response");
            assertThat(e.actorRole()).isEqualTo(ActorRole.SYSTEM);
        });
        assertThat(refund.drainEffects()).hasSize(1);

        Claim reship = claim(ClaimType.MISSING_ITEM, Remedy.RESHIP, ClaimReason.ITEMS_MISSING);
        reship.onDeadline(CLOCK, reship.dueAt());
        assertThat(reship.status()).isEqualTo(ClaimStatus.AWAITING_RESHIPMENT);

        Claim ret = returnRefund();
        ret.onDeadline(CLOCK, ret.dueAt());
        assertThat(ret.status()).isEqualTo(ClaimStatus.AWAITING_RETURN_SHIPMENT);
    }

    @Test
    void buyerSilenceWithdrawsTheClaim() {
        for (ClaimStatus status : List.of(ClaimStatus.PROPOSAL_PENDING, ClaimStatus.REJECTED_BY_SELLER,
                ClaimStatus.AWAITING_RETURN_SHIPMENT)) {
            Claim claim = in(status);
            claim.onDeadline(CLOCK, claim.dueAt());
            assertThat(claim.status()).as(status.name()).isEqualTo(ClaimStatus.WITHDRAWN);
            assertThat(claim.outcome()).isEqualTo(Outcome.WITHDRAWN);
            assertThat(claim.timeline()).last().satisfies(e -> assertThat(e.rule()).isNotBlank());
            assertThat(claim.lines()).allSatisfy(l -> assertThat(ReflectionTestUtils.getField(l, "open")).isEqualTo(false));
        }
    }

    @Test
    void sellerMissingTheReturnConfirmationOrTheReshipmentRefundsAutomatically() {
        Claim unconfirmed = in(ClaimStatus.AWAITING_RETURN_CONFIRMATION);
        unconfirmed.onDeadline(CLOCK, unconfirmed.dueAt());
        assertThat(unconfirmed.status()).isEqualTo(ClaimStatus.REFUND_PENDING);
        assertThat(unconfirmed.timeline()).last().satisfies(e -> assertThat(e.rule())
                .isEqualTo("seller-return-confirmation"));
        assertThat(unconfirmed.drainEffects()).hasSize(1);

        Claim notReshipped = in(ClaimStatus.AWAITING_RESHIPMENT);
        notReshipped.onDeadline(CLOCK, notReshipped.dueAt());
        assertThat(notReshipped.status()).isEqualTo(ClaimStatus.REFUND_PENDING);
        assertThat(notReshipped.timeline()).last().satisfies(e -> assertThat(e.rule()).isEqualTo("seller-reshipment"));
    }

    @Test
    void parcelsThatNeverArriveAndRefundsThatNeverPayGoToAnAgent() {
        for (ClaimStatus status : List.of(ClaimStatus.RETURN_IN_TRANSIT, ClaimStatus.RESHIPMENT_IN_TRANSIT,
                ClaimStatus.REFUND_PENDING)) {
            Claim claim = in(status);
            claim.onDeadline(CLOCK, claim.dueAt());
            assertThat(claim.status()).as(status.name()).isEqualTo(ClaimStatus.AWAITING_AGENT);
            assertThat(claim.partyToAct()).isEqualTo(Party.AGENT);
            assertThat(claim.timeline()).last()
                    .satisfies(e -> assertThat(e.action()).isEqualTo(TimelineAction.AUTO_ESCALATED));
        }
    }

    @Test
    void endedClaimsHaveNoDeadline() {
        for (ClaimStatus status : EnumSet.of(ClaimStatus.RESOLVED, ClaimStatus.WITHDRAWN)) {
            Claim claim = in(status);
            assertThat(claim.dueAt()).isNull();
            assertThat(claim.deadlineAt()).isNull();
            assertThat(claim.partyToAct()).isEqualTo(Party.NONE);
        }
    }

    @Test
    void refundLinesSpreadAPartialAmountByValueWithTheRoundingOnTheLastLine() {
        ClaimDraft draft = new ClaimDraft("AS2", 11L, "SO1", 5L, 7L, ClaimType.REFUND_ONLY, ClaimReason.QUALITY,
                Remedy.REFUND, null, Money.fen(1000),
                List.of(new ClaimDraft.Line(1L, "A", "A", 1, 100, Money.fen(3000)),
                        new ClaimDraft.Line(2L, "B", "B", 1, 100, Money.fen(6000))),
                null, null);
        Claim claim = Claim.file(draft, BUYER, CLOCK, T0);
        var lines = claim.refundLines(Money.fen(1000));
        assertThat(lines).extracting(l -> l.amount().minor()).containsExactly(333L, 667L);
        assertThat(lines.stream().mapToLong(l -> l.amount().minor()).sum()).isEqualTo(1000L);
    }

    @Test
    void aDraftMustMatchItsType() {
        ClaimDraft wrongRemedy = new ClaimDraft("AS3", 1L, "SO", 1L, 7L, ClaimType.RETURN_REFUND,
                ClaimReason.NO_REASON, Remedy.RESHIP, null, Money.fen(100),
                List.of(new ClaimDraft.Line(1L, "A", "A", 1, 1, Money.fen(100))), null, null);
        assertThatThrownBy(() -> Claim.file(wrongRemedy, BUYER, CLOCK, T0)).isInstanceOf(TransitionRejected.class);
        ClaimDraft wrongReason = new ClaimDraft("AS4", 1L, "SO", 1L, 7L, ClaimType.MISSING_ITEM,
                ClaimReason.NO_REASON, Remedy.REFUND, null, Money.fen(100),
                List.of(new ClaimDraft.Line(1L, "A", "A", 1, 1, Money.fen(100))), null, null);
        assertThatThrownBy(() -> Claim.file(wrongReason, BUYER, CLOCK, T0)).isInstanceOf(TransitionRejected.class);
        assertThatThrownBy(() -> Claim.file(wrongReason, SELLER, CLOCK, T0)).isInstanceOf(TransitionRejected.class);
    }

    // --- refunds on lines: what the ledger's per-line caps see ---------------------------------------------------

    static Claim twoLines(ClaimType type, ClaimReason reason, long requested) {
        ClaimDraft draft = new ClaimDraft("AS9", 11L, "SO1", 5L, 7L, type, reason, Remedy.REFUND, null,
                Money.fen(requested), List.of(new ClaimDraft.Line(1L, "A", "A", 2, 100, Money.fen(6000)),
                        new ClaimDraft.Line(2L, "B", "B", 1, 100, Money.fen(5000))),
                null, null);
        return Claim.file(draft, BUYER, CLOCK, T0);
    }

    @Test
    void aFurtherRefundOfAClaimTopsItsLinesUpToWhatTheyCostAndNamesNoUnitAgain() {
        Claim claim = twoLines(ClaimType.REFUND_ONLY, ClaimReason.DAMAGED, 11000);
        var first = claim.refundLines(Money.fen(1000));
        assertThat(first).extracting(l -> l.amount().minor()).containsExactly(545L, 455L);
        assertThat(first).extracting(ClaimEffect.RefundLine::quantity).containsExactly(2, 1);
        var prior = new ClaimEffect.PriorRefunds(java.util.Map.of(1L, 545L, 2L, 455L), java.util.Set.of(1L, 2L), 0);
        var raise = claim.refundLines(Money.fen(10000), prior);
        assertThat(raise).extracting(l -> l.amount().minor()).containsExactly(5455L, 4545L);
        assertThat(raise).extracting(ClaimEffect.RefundLine::quantity).containsExactly(0, 0);
    }

    @Test
    void aRefundBeyondTheLinesStaysOffThemOnlyAsFarAsTheClaimAskedForMoreThanTheyCost() {
        // a not-received claim asks for the lines (¥110.00) and the ¥8.00 shipping fee
        Claim notReceived = twoLines(ClaimType.NOT_RECEIVED, ClaimReason.NOT_DELIVERED, 11800);
        assertThat(notReceived.refundLines(Money.fen(11800))).extracting(l -> l.amount().minor())
                .containsExactly(6000L, 5000L);
        // the same claim refunded again: nothing is left on its lines or off them, so the ledger must refuse it
        var paid = new ClaimEffect.PriorRefunds(java.util.Map.of(1L, 6000L, 2L, 5000L), java.util.Set.of(1L, 2L), 800);
        var again = notReceived.refundLines(Money.fen(11800), paid);
        assertThat(again.stream().mapToLong(l -> l.amount().minor()).sum()).isEqualTo(11800L);
        assertThat(again.get(1).amount().minor()).as("more than line B cost").isGreaterThan(5000L);
    }
}
