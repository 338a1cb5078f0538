package dev.aftersales.arbitration.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.aftersales.arbitration.ArbitrationViews;
import dev.aftersales.arbitration.ArbitrationViews.Dashboard;

/**
 * The oversight dashboard's numbers as a summary refreshed at most every {@code aftersales.agent.dashboard-max-age}
 * (60 s): its counts run over every open claim, every decision and every escalation, which at marketplace scale is
 * hundreds of thousands of rows, too many to count again on every agent's every view. The page says how old its
 * figures are. One view at a time recounts a stale summary; the others meanwhile see the last one. Per node.
 */
@Component
class DashboardSummary {

    private final ArbitrationViews views;
    private final Clock clock;
    private final Duration maxAge;
    private volatile Summary last;

    DashboardSummary(ArbitrationViews views, Clock clock,
            @Value("${aftersales.agent.dashboard-max-age:60s}") Duration maxAge) {
        this.views = views;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** The figures, counted at {@code at}. */
    record Summary(Dashboard dashboard, Instant at, ZoneId zone) {
    }

    Summary current(ZoneId zone) {
        Summary seen = last;
        if (fresh(seen, zone)) {
            return seen;
        }
        synchronized (this) {
            seen = last;
            if (!fresh(seen, zone)) {
                Instant at = clock.instant();
                seen = new Summary(views.dashboard(zone), at, zone);
                last = seen;
            }
            return seen;
        }
    }

    Duration maxAge() {
        return maxAge;
    }

    private boolean fresh(Summary summary, ZoneId zone) {
        if (summary == null || !summary.zone().equals(zone) || maxAge.isZero() || maxAge.isNegative()) {
            return false;
        }
        Instant now = clock.instant();
        return !now.isBefore(summary.at()) && now.isBefore(summary.at().plus(maxAge));
    }
}
