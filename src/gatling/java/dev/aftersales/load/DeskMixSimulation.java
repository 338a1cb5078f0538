package dev.aftersales.load;

import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitHereIfFailed;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.util.List;
import java.util.Map;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The realistic mix: of {@code load.users} virtual users, 6 in 10 are buyers (browse orders, open one, file a claim
 * with a photo, answer a proposal or write a message), 2 in 10 sellers (answer claims), 1 in 10 agents (queue, take,
 * decide) and 1 in 10 the storefront's integration (orders, parcels, scans). Each person signs in once through the
 * form and works for {@code load.duration} seconds with a second or two between pages; they arrive over
 * {@code load.rampUp} seconds. See {@link LoadConfig} for the properties.
 */
public class DeskMixSimulation extends Simulation {

    private final HttpProtocolBuilder protocol = http.baseUrl(LoadConfig.baseUrl()).acceptLanguageHeader("en")
            .acceptHeader("text/html,application/json").disableFollowRedirect()
            .userAgentHeader("aftersales-load/1.0");

    {
        int users = Math.max(LoadConfig.users(), 4);
        int sellers = Math.max(users * 2 / 10, 1);
        int agents = Math.max(users / 10, 1);
        int storefronts = Math.max(users / 10, 1);
        int buyers = Math.max(users - sellers - agents - storefronts, 1);
        setUp(people("buyers", LoadConfig.buyers(), buyers,
                        exec(DeskActions.buyerFilesClaim()).exec(DeskActions.buyerAnswers())),
                people("sellers", LoadConfig.sellers(), sellers, DeskActions.sellerAnswers()),
                people("agents", LoadConfig.agents(), agents, DeskActions.agentDecides()),
                scenario("storefront").exec(during(LoadConfig.duration()).on(DeskActions.storefrontReports()))
                        .injectOpen(rampUsers(storefronts).during(LoadConfig.rampUp())))
                .protocols(protocol);
    }

    private static PopulationBuilder people(String name, List<String> accounts, int count, ChainBuilder work) {
        List<Map<String, Object>> records = accounts.stream().map(a -> Map.<String, Object>of("username", a)).toList();
        ScenarioBuilder scenario = scenario(name).feed(listFeeder(records).circular())
                .exec(DeskActions.signIn()).exec(exitHereIfFailed())
                .exec(during(LoadConfig.duration()).on(work));
        return scenario.injectOpen(rampUsers(count).during(LoadConfig.rampUp()));
    }
}
