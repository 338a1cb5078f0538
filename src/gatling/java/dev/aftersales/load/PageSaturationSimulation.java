package dev.aftersales.load;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitHereIfFailed;
import static io.gatling.javaapi.core.CoreDsl.incrementConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Saturation, one page at a time: for each page, concurrent users (signed in as the page's role) request it back to
 * back, without pauses, in {@code load.levels} steps up to {@code load.maxUsers} users, each step lasting
 * {@code load.levelSeconds}; then the next page. The report shows where each page's throughput stops growing and its
 * latency starts to climb. {@code -Dload.pages=buyer-orders,agent-queue} picks pages (names below).
 */
public class PageSaturationSimulation extends Simulation {

    /** Requests a virtual user makes before it leaves (and another one signs in). */
    private static final int REQUESTS_PER_USER = 50;

    private record Page(String name, List<String> accounts, ChainBuilder prepare, String path) {
    }

    private final HttpProtocolBuilder protocol = http.baseUrl(LoadConfig.baseUrl()).acceptLanguageHeader("en")
            .acceptHeader("text/html").disableFollowRedirect().userAgentHeader("aftersales-load/1.0");

    {
        List<Page> pages = new ArrayList<>(List.of(
                page("buyer-orders", LoadConfig.buyers(), null, "/buyer/orders"),
                page("buyer-order", LoadConfig.buyers(), pick("/buyer/orders", "/buyer/orders/(\\d+)"),
                        "/buyer/orders/#{id}"),
                page("buyer-claims", LoadConfig.buyers(), null, "/buyer/claims"),
                page("buyer-claim", LoadConfig.buyers(), pick("/buyer/claims", "/buyer/claims/(\\d+)"),
                        "/buyer/claims/#{id}"),
                page("inbox", LoadConfig.buyers(), null, "/inbox"),
                page("seller-claims", LoadConfig.sellers(), null, "/seller/claims"),
                page("seller-claim", LoadConfig.sellers(), pick("/seller/claims", "/seller/claims/(\\d+)"),
                        "/seller/claims/#{id}"),
                page("seller-orders", LoadConfig.sellers(), null, "/seller/orders"),
                page("agent-queue", LoadConfig.agents(), null, "/agent/queue"),
                page("agent-case", LoadConfig.agents(), pick("/agent/queue", "/agent/cases/(\\d+)"),
                        "/agent/cases/#{id}"),
                page("agent-dashboard", LoadConfig.agents(), null, "/agent/dashboard")));
        if (!LoadConfig.pages().isEmpty()) {
            pages.removeIf(p -> !LoadConfig.pages().contains(p.name()));
        }
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("No page named in load.pages=" + LoadConfig.pages());
        }
        PopulationBuilder run = null;
        for (int i = pages.size() - 1; i >= 0; i--) {
            PopulationBuilder step = saturate(pages.get(i));
            run = run == null ? step : step.andThen(run);
        }
        setUp(run).protocols(protocol);
    }

    private static Page page(String name, List<String> accounts, ChainBuilder prepare, String path) {
        return new Page(name, accounts, prepare, path);
    }

    /** Opens a list page once and keeps one of its links' ids for the detail page. */
    private static ChainBuilder pick(String list, String link) {
        return exec(http("list for a detail page").get(list)
                .check(regex("href=\"" + link + "\"").findRandom().saveAs("id")));
    }

    private static PopulationBuilder saturate(Page page) {
        List<Map<String, Object>> records = page.accounts().stream().map(a -> Map.<String, Object>of("username", a))
                .toList();
        ChainBuilder work = exec(DeskActions.signIn()).exec(exitHereIfFailed());
        if (page.prepare() != null) {
            work = work.exec(page.prepare()).exec(exitHereIfFailed());
        }
        work = work.repeat(REQUESTS_PER_USER).on(exec(http(page.name()).get(page.path()).check(status().is(200))));
        int step = Math.max(LoadConfig.maxUsers() / LoadConfig.levels(), 1);
        return scenario(page.name()).feed(listFeeder(records).circular()).exec(work)
                .injectClosed(incrementConcurrentUsers(step).times(LoadConfig.levels())
                        .eachLevelLasting(LoadConfig.levelDuration()).startingFrom(step));
    }
}
