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
        List<RowByRowScorecards.ClaimRow> claims = List.of(
                new RowByRowScorecards.ClaimRow(11, 1, ClaimType.NO_TRACKING, daysAgo(3), false, null, null, null, false),
                new RowByRowScorecards.ClaimRow(12, 2, ClaimType.NO_TRACKING, daysAgo(2), false, null, null, null, false));
        List<RowByRowScorecards.IncidentRow> fake = List.of(new RowByRowScorecards.IncidentRow(2, daysAgo(3)),
                new RowByRowScorecards.IncidentRow(3, daysAgo(5)), new RowByRowScorecards.IncidentRow(4, daysAgo(40)));
        RowByRowScorecards.History h = new RowByRowScorecards.History(1, "Shop", List.of(), claims, List.of(), List.of(), fake);
        assertThat(RowByRowScorecards.metrics(h, NOW, 30).noTrackingIncidents()).isEqualTo(3);
        assertThat(RowByRowScorecards.metrics(h, NOW, 90).noTrackingIncidents()).isEqualTo(4);
        RowByRowScorecards.History without = new RowByRowScorecards.History(1, "Shop", List.of(), claims, List.of(), List.of());
        assertThat(RowByRowScorecards.metrics(without, NOW, 90).noTrackingIncidents()).isEqualTo(2);
    }
}
