package dev.aftersales.arbitration.web;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.aftersales.arbitration.ArbitrationViews;
import dev.aftersales.arbitration.DashboardPanel;
import dev.aftersales.arbitration.ArbitrationViews.Dashboard;
import dev.aftersales.arbitration.ArbitrationViews.QueueCountsView;
import dev.aftersales.shared.Recounted;
import dev.aftersales.shared.Recounted.Counted;

/**
 * The agents' figures that run over every claim with the platform, every decision, every escalation and every active
 * shop, which at marketplace scale is hundreds of thousands of rows, too many to count again on every agent's every
 * view: the oversight dashboard's numbers with its contributed sections (risk's watchlist and supervision list) and the
 * queue's filter counts. Each is a summary counted again at most every
 * {@code aftersales.agent.dashboard-max-age} (60 s) per node, on the application's task executor once the first view
 * has counted it, so that no agent's view waits for a recount ({@link Recounted}); the pages say when their figures
 * were counted. The queue's claims themselves, and how many the chosen filter shows, are read on every view.
 */
@Component
class DashboardSummary implements Recounted.Keeper {

    private final ArbitrationViews views;
    private final List<DashboardPanel> panels;
    private final Recounted<Figures> dashboard;
    private final Recounted<QueueCountsView> queueCounts;

    DashboardSummary(ArbitrationViews views, List<DashboardPanel> panels, Clock clock,
            @Value("${aftersales.agent.dashboard-max-age:60s}") Duration maxAge,
            @Qualifier("applicationTaskExecutor") Executor background) {
        this.views = views;
        this.panels = panels.stream().sorted(Comparator.comparingInt(DashboardPanel::position)).toList();
        this.dashboard = new Recounted<>(clock, maxAge, background);
        this.queueCounts = new Recounted<>(clock, maxAge, background);
    }

    /** The dashboard's charts and its contributed sections. */
    record Figures(Dashboard charts, List<Panel> panels) {
    }

    /** A contributed section with its data (see {@link DashboardPanel}). */
    record Panel(String template, String fragment, Object data) {
    }

    /** The dashboard's figures, with the day boundaries of {@code zone}. */
    Counted<Figures> dashboard(ZoneId zone) {
        return dashboard.current(zone, () -> {
            List<Panel> extra = new ArrayList<>();
            for (DashboardPanel p : panels) {
                Object data = p.data();
                if (data != null) {
                    extra.add(new Panel(p.template(), p.fragment(), data));
                }
            }
            return new Figures(views.dashboard(zone), List.copyOf(extra));
        });
    }

    /** The counts of the queue's filters. */
    Counted<QueueCountsView> queueCounts() {
        return queueCounts.current(null, views::counts);
    }

    @Override
    public void forget() {
        dashboard.forget();
        queueCounts.forget();
    }

    Duration maxAge() {
        return dashboard.maxAge();
    }
}
