package dev.aftersales.arbitration.web;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.aftersales.arbitration.ArbitrationViews;
import dev.aftersales.arbitration.ArbitrationViews.Dashboard;
import dev.aftersales.arbitration.ArbitrationViews.QueueCountsView;
import dev.aftersales.shared.Recounted;
import dev.aftersales.shared.Recounted.Counted;

/**
 * The agents' figures that run over every claim with the platform, every decision and every escalation, which at
 * marketplace scale is hundreds of thousands of rows, too many to count again on every agent's every view: the
 * oversight dashboard's numbers and the queue's filter counts. Each is a summary counted again at most every
 * {@code aftersales.agent.dashboard-max-age} (60 s) per node; the pages say when their figures were counted. The
 * queue's claims themselves, and how many the chosen filter shows, are read on every view.
 */
@Component
class DashboardSummary {

    private final ArbitrationViews views;
    private final Recounted<Dashboard> dashboard;
    private final Recounted<QueueCountsView> queueCounts;

    DashboardSummary(ArbitrationViews views, Clock clock,
            @Value("${aftersales.agent.dashboard-max-age:60s}") Duration maxAge) {
        this.views = views;
        this.dashboard = new Recounted<>(clock, maxAge);
        this.queueCounts = new Recounted<>(clock, maxAge);
    }

    /** The dashboard's figures, with the day boundaries of {@code zone}. */
    Counted<Dashboard> dashboard(ZoneId zone) {
        return dashboard.current(zone, () -> views.dashboard(zone));
    }

    /** The counts of the queue's filters. */
    Counted<QueueCountsView> queueCounts() {
        return queueCounts.current(null, views::counts);
    }

    Duration maxAge() {
        return dashboard.maxAge();
    }
}
