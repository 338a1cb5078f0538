package dev.aftersales.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.aftersales.risk.ShopScorecard;
import dev.aftersales.support.MutableClock;

/**
 * A node keeps a shop's scorecard; a shop that keeps changing is computed again at most once per recount interval,
 * one that changed after a quiet spell at its next view.
 */
class ScorecardCacheTests {

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-08T03:00:00Z"));
    final RiskSettings settings = ReturnAbuseScoreTests.SETTINGS;
    final ShopScorecard card = new ShopScorecard(7L, "Sunny Orchard", null, null, false, List.of());

    ScorecardCache cache(Duration recountAfterChange) {
        return new ScorecardCache(Duration.ofMinutes(5), recountAfterChange, clock);
    }

    @Test
    void aShopThatKeepsChangingIsComputedAgainOnlyOnceTheCardIsOlderThanTheInterval() {
        ScorecardCache cards = cache(Duration.ofSeconds(30));
        cards.put(7L, card, settings, clock.instant());
        clock.advance(Duration.ofSeconds(10));
        cards.forget(7L);

        assertThat(cards.get(7L, settings)).as("changed 10 s after it was computed: still kept").contains(card);
        clock.advance(Duration.ofSeconds(20));
        assertThat(cards.get(7L, settings)).as("30 s old and changed: computed again").isEmpty();
    }

    @Test
    void aShopThatChangesAfterAQuietSpellIsComputedAgainAtItsNextView() {
        ScorecardCache cards = cache(Duration.ofSeconds(30));
        cards.put(7L, card, settings, clock.instant());
        clock.advance(Duration.ofMinutes(2));
        assertThat(cards.get(7L, settings)).as("unchanged: kept up to its maximum age").contains(card);

        cards.forget(7L);
        assertThat(cards.get(7L, settings)).isEmpty();
    }

    @Test
    void everyCardIsComputedAgainAfterItsMaximumAgeAndUnderOtherThresholds() {
        ScorecardCache cards = cache(Duration.ofSeconds(30));
        cards.put(7L, card, settings, clock.instant());
        RiskSettings stricter = new RiskSettings(35, 70, 5, 20, 10, 3, 3, 3, 80, Duration.ofHours(24), 30, 3, 30);
        assertThat(cards.get(7L, stricter)).isEmpty();
        clock.advance(Duration.ofMinutes(5));
        assertThat(cards.get(7L, settings)).isEmpty();
    }

    @Test
    void withoutAnIntervalAChangeDropsTheCardAtOnce() {
        ScorecardCache cards = cache(Duration.ZERO);
        cards.put(7L, card, settings, clock.instant());
        cards.forget(7L);

        assertThat(cards.get(7L, settings)).isEmpty();
    }
}
