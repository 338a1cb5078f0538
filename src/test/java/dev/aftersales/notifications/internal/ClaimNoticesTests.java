package dev.aftersales.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

import dev.aftersales.claims.ActorRole;
import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.ClaimTransitioned;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.Party;
import dev.aftersales.shared.MessageArgs;
import dev.aftersales.shared.web.Formats;
import dev.aftersales.support.Messages;

/** Who hears of which claim move, and how stored texts are put into words. */
class ClaimNoticesTests {

    static ClaimTransitioned move(String action, ClaimStatus from, ClaimStatus to, Party party) {
        return new ClaimTransitioned(7, "AS7", 3, 2, 11, ClaimType.MISSING_ITEM, action, from, to, ActorRole.SYSTEM,
                null, party, Instant.parse("2026-12-06T02:00:00Z"), Instant.parse("2026-12-04T02:00:00Z"), 3000L,
                "seller-first-response");
    }

    @Test
    void aFiledClaimTellsTheShopAndARejectionTellsTheBuyer() {
        assertThat(ClaimNotices.plan(move("FILED", null, ClaimStatus.AWAITING_SELLER, Party.SELLER)))
                .isEqualTo(new ClaimNotices.Plan(null, "notifications.claim.filed", false));
        assertThat(ClaimNotices.plan(move("REJECTED", ClaimStatus.AWAITING_SELLER, ClaimStatus.REJECTED_BY_SELLER,
                Party.BUYER))).isEqualTo(new ClaimNotices.Plan("notifications.claim.rejected", null, false));
        assertThat(ClaimNotices.plan(move("PROPOSED_RESHIP", ClaimStatus.AWAITING_SELLER,
                ClaimStatus.PROPOSAL_PENDING, Party.BUYER)).buyerCode()).isEqualTo("notifications.claim.proposed");
    }

    @Test
    void anAutomaticConsequenceTellsBothSidesWithItsRule() {
        ClaimTransitioned auto = move("AUTO_ACCEPTED", ClaimStatus.AWAITING_SELLER, ClaimStatus.REFUND_PENDING,
                Party.SYSTEM);
        assertThat(ClaimNotices.plan(auto)).isEqualTo(new ClaimNotices.Plan("notifications.claim.automatic",
                "notifications.claim.automatic", false));
        assertThat(ClaimNotices.args(auto)).containsExactly("AS7", "#claim.action.AUTO_ACCEPTED",
                "#claim.status.REFUND_PENDING", "#@2026-12-06T02:00:00Z", "#$3000 CNY",
                "#claim.rule.seller-first-response", "#claim.type.MISSING_ITEM");
    }

    @Test
    void anUnknownMoveTellsThePartyWhoseMoveItIsAndBothWhenTheClaimEnded() {
        assertThat(ClaimNotices.plan(move("SOMETHING_NEW", ClaimStatus.AWAITING_AGENT, ClaimStatus.AWAITING_SELLER,
                Party.SELLER))).isEqualTo(new ClaimNotices.Plan(null, "notifications.claim.generic", false));
        assertThat(ClaimNotices.plan(move("SOMETHING_NEW", ClaimStatus.AWAITING_AGENT, ClaimStatus.CLOSED,
                Party.NONE))).isEqualTo(new ClaimNotices.Plan("notifications.claim.generic",
                        "notifications.claim.generic", false));
        assertThat(ClaimNotices.plan(move("SOMETHING_NEW", ClaimStatus.AWAITING_SELLER, ClaimStatus.AWAITING_AGENT,
                Party.AGENT))).isEqualTo(new ClaimNotices.Plan(null, null, false));
    }

    @Test
    void partiesAreReadByNameSoThatBothMeansBuyerAndSeller() {
        assertThat(ClaimNotices.sidesOf("BOTH")).containsExactlyInAnyOrder(ClaimNotices.Side.BUYER,
                ClaimNotices.Side.SELLER);
        assertThat(ClaimNotices.sidesOf(Party.CARRIER)).isEmpty();
        assertThat(ClaimNotices.sidesOf(null)).isEmpty();
    }

    @Test
    void aDecidedClaimIsToldFromTheDecisionNotFromTheMove() {
        assertThat(ClaimNotices.plan(move("DECIDED", ClaimStatus.AWAITING_AGENT, ClaimStatus.DECIDED, Party.NONE)))
                .isNull();
    }

    @Test
    void storedArgumentsAreTranslatedOrShownAsTheyAre() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("notice", Locale.ENGLISH, "Claim {0}: {1} ({2})");
        messages.addMessage("claim.status.RESOLVED", Locale.ENGLISH, "Resolved");
        Formats formats = new Formats(ZoneId.of("Asia/Shanghai"), Clock.systemUTC(), messages);
        assertThat(NoticeText.render(formats, "notice", List.of(NoticeText.literal("#1 box"),
                NoticeText.message("claim.status.RESOLVED"), NoticeText.message("claim.status.UNKNOWN")),
                Locale.ENGLISH)).isEqualTo("Claim #1 box: Resolved (UNKNOWN)");
    }

    @Test
    void aStoredDueTimeAndAmountAreWrittenForTheReaderWhenTheTextIsRead() {
        Instant readAt = Instant.parse("2026-12-04T02:00:00Z");
        Formats formats = new Formats(ZoneId.of("Asia/Shanghai"), Clock.fixed(readAt, ZoneOffset.UTC),
                Messages.real());
        List<String> args = ClaimNotices.args(move("FILED", null, ClaimStatus.AWAITING_SELLER, Party.SELLER));
        assertThat(NoticeText.render(formats, "notifications.claim.filed", args, Locale.ENGLISH)).isEqualTo(
                "New claim AS7 (Missing item): Waiting for the seller. Answer due by 2026-12-06 10:00 (in 2 days).");
        assertThat(NoticeText.render(formats, "notifications.claim.filed", args, Locale.SIMPLIFIED_CHINESE))
                .contains("2026-12-06 10:00（2 天后）").doesNotContain("T02:00");
        assertThat(NoticeText.render(formats, "notifications.payment.refund",
                List.of(MessageArgs.money(dev.aftersales.shared.Money.fen(3000)), "SO1"), Locale.ENGLISH))
                .isEqualTo("A refund of ¥30.00 for order SO1 has been paid to you.");
    }

    @Test
    void emailsAreWrittenInTheAccountsLanguageAndInChineseWhenItChoseNone() {
        assertThat(NoticeText.languageOf("en")).isEqualTo(Locale.ENGLISH);
        assertThat(NoticeText.languageOf("zh-CN")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(NoticeText.languageOf(null)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void retriesBackOffDoublingUpToTheLimit() {
        NotificationSettings.Retry retry = new NotificationSettings().getRetry();
        assertThat(retry.backoffAfter(1)).hasMinutes(1);
        assertThat(retry.backoffAfter(2)).hasMinutes(2);
        assertThat(retry.backoffAfter(4)).hasMinutes(8);
        assertThat(retry.backoffAfter(30)).hasHours(1);
    }
}
