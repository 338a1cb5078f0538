package dev.aftersales.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.aftersales.claims.ClaimType;

/** Fake-tracking incidents on the scorecard's no/fake-tracking metric, each order counted once. */
class FakeTrackingScorecardTests {

    static final Instant NOW = ReturnAbuseScoreTests.NOW;

    static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    @Test
    void fakeTrackingIncidentsCountOncePerOrderAndNotWhenTheOrderAlsoHasANoTrackingCase() {
        // order 1: a NO_TRACKING case; order 2: fake tracking, then a NO_TRACKING case; order 3: fake tracking only,
        // order 4: fake tracking 40 days ago
        List<Scorecards.ClaimRow> claims = List.of(
                new Scorecards.ClaimRow(11, 1, ClaimType.NO_TRACKING, daysAgo(3), false, null, null, null, false),
                new Scorecards.ClaimRow(12, 2, ClaimType.NO_TRACKING, daysAgo(2), false, null, null, null, false));
        List<Scorecards.IncidentRow> fake = List.of(new Scorecards.IncidentRow(2, daysAgo(3)),
                new Scorecards.IncidentRow(3, daysAgo(5)), new Scorecards.IncidentRow(4, daysAgo(40)));
        Scorecards.History h = new Scorecards.History(1, "Shop", List.of(), claims, List.of(), List.of(), fake);
        assertThat(Scorecards.metrics(h, NOW, 30).noTrackingIncidents()).isEqualTo(3);
        assertThat(Scorecards.metrics(h, NOW, 90).noTrackingIncidents()).isEqualTo(4);
        Scorecards.History without = new Scorecards.History(1, "Shop", List.of(), claims, List.of(), List.of());
        assertThat(Scorecards.metrics(without, NOW, 90).noTrackingIncidents()).isEqualTo(2);
    }
}
