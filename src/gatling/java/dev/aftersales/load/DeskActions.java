package dev.aftersales.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ChainBuilder;

/**
 * What people do on the desk, as Gatling chains: each reads the page first and takes the CSRF token, the ids and
 * the claim's version from it, then posts the form a browser would post. A move the page does not offer (no order
 * left to claim, no proposal to answer, an empty queue) is skipped, so the same chains run on the demo data and on
 * the generated data.
 */
final class DeskActions {

    /** A 16×16 PNG: the buyer's photo of the problem. */
    private static final byte[] PHOTO = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR42mM4UaFBEmIY1TCqYfhqAAADaGgQ4a3ZQQAAAABJRU5ErkJggg==");
    private static final Duration THINK_MIN = Duration.ofMillis(500);
    private static final Duration THINK_MAX = Duration.ofMillis(2500);
    /** Storefront order and tracking numbers of this run: unique, and later runs start higher. */
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private DeskActions() {
    }

    /** Signs in through the login form as the session's {@code username} (fed by the simulation). */
    static ChainBuilder signIn() {
        return exec(http("login page").get("/login").check(csrf()))
                .exec(http("sign in").post("/login").formParam("username", "#{username}")
                        .formParam("password", LoadConfig.password()).formParam("_csrf", "#{csrf}")
                        .check(status().is(302), headerRegex("Location", "/login").notExists()));
    }

    /**
     * A buyer browses the orders (one of the first pages of the list), opens one, files a claim with a photo where
     * the order allows one.
     */
    static ChainBuilder buyerFilesClaim() {
        return exec(session -> session.removeAll("orderId", "claimType", "lineId"))
                .exec(http("buyer orders").get("/buyer/orders?page=#{randomInt(0," + LoadConfig.orderPages() + ")}")
                        .check(regex("href=\"/buyer/orders/(\\d+)\"").findRandom().optional().saveAs("orderId")))
                .pause(THINK_MIN, THINK_MAX)
                .doIf("#{orderId.exists()}").then(
                        exec(http("buyer order").get("/buyer/orders/#{orderId}").check(regex(
                                "/buyer/orders/\\d+/claims/new\\?type=(REFUND_ONLY|MISSING_ITEM)")
                                .findRandom().optional().saveAs("claimType")))
                        .pause(THINK_MIN, THINK_MAX)
                        .doIf("#{claimType.exists()}").then(
                                exec(http("claim form").get("/buyer/orders/#{orderId}/claims/new?type=#{claimType}")
                                        .check(csrf(), css("input[name='submissionKey']", "value")
                                                .saveAs("submissionKey"), regex("name=\"units\\[(\\d+)\\]\"\\s+value=\"0\">")
                                                .findRandom().optional().saveAs("lineId")))
                                .pause(THINK_MIN, THINK_MAX)
                                .doIf("#{lineId.exists()}").then(fileClaim())));
    }

    private static ChainBuilder fileClaim() {
        return exec(http("file claim").post("/buyer/orders/#{orderId}/claims/new?type=#{claimType}")
                .formParam("_csrf", "#{csrf}").formParam("submissionKey", "#{submissionKey}")
                .formParam("units[#{lineId}]", "1")
                .formParam("reason", session -> "MISSING_ITEM".equals(session.getString("claimType")) ? "ITEMS_MISSING"
                        : "QUALITY")
                .formParam("remedy", "REFUND").formParam("requestedAmount", "")
                .formParam("description", "Load test: the item arrived with a crack.")
                .bodyPart(ByteArrayBodyPart("evidence", PHOTO).fileName("photo.png").contentType("image/png"))
                .check(status().in(200, 302)));
    }

    /** A buyer opens a claim and answers a proposal where there is one, else writes a message. */
    static ChainBuilder buyerAnswers() {
        return exec(session -> session.removeAll("claimId", "proposal", "version"))
                .exec(http("buyer claims").get("/buyer/claims")
                        .check(regex("href=\"/buyer/claims/(\\d+)\"").findRandom().optional().saveAs("claimId")))
                .pause(THINK_MIN, THINK_MAX)
                .doIf("#{claimId.exists()}").then(
                        exec(http("buyer claim").get("/buyer/claims/#{claimId}").check(csrf(),
                                regex("action=\"/buyer/claims/\\d+/(accept-proposal)\"").optional().saveAs("proposal"),
                                css("input[name='version']", "value").optional().saveAs("version")))
                        .pause(THINK_MIN, THINK_MAX)
                        .doIfOrElse("#{proposal.exists()}").then(
                                exec(http("accept proposal").post("/buyer/claims/#{claimId}/accept-proposal")
                                        .formParam("_csrf", "#{csrf}").formParam("version", "#{version}")
                                        .check(status().is(302))))
                        .orElse(
                                exec(http("buyer message").post("/buyer/claims/#{claimId}/messages")
                                        .formParam("_csrf", "#{csrf}")
                                        .formParam("body", "Load test: is there any news on this?")
                                        .check(status().is(302)))));
    }

    /** A seller lists the claims to answer, opens one and accepts, proposes half or rejects it. */
    static ChainBuilder sellerAnswers() {
        return exec(session -> session.removeAll("claimId", "answer", "version"))
                .exec(http("seller claims").get("/seller/claims")
                        .check(regex("href=\"/seller/claims/(\\d+)\"").findRandom().optional().saveAs("claimId")))
                .pause(THINK_MIN, THINK_MAX)
                .doIf("#{claimId.exists()}").then(
                        exec(http("seller claim").get("/seller/claims/#{claimId}").check(csrf(),
                                regex("action=\"/seller/claims/\\d+/(accept)\"").optional().saveAs("answer"),
                                css("input[name='version']", "value").optional().saveAs("version")))
                        .pause(THINK_MIN, THINK_MAX)
                        .doIf("#{answer.exists()}").then(randomSwitch().on(
                                percent(60).then(exec(http("seller accept").post("/seller/claims/#{claimId}/accept")
                                        .formParam("_csrf", "#{csrf}").formParam("version", "#{version}")
                                        .check(status().is(302)))),
                                percent(20).then(exec(http("seller propose").post("/seller/claims/#{claimId}/propose")
                                        .formParam("_csrf", "#{csrf}").formParam("version", "#{version}")
                                        .formParam("alternative", "REFUND").formParam("amount", "1.00")
                                        .formParam("note", "Load test: we offer a partial refund.")
                                        .check(status().is(302)))),
                                percent(20).then(exec(http("seller reject").post("/seller/claims/#{claimId}/reject")
                                        .formParam("_csrf", "#{csrf}").formParam("version", "#{version}")
                                        .formParam("reason", "Load test: the parcel left complete.")
                                        .check(status().is(302)))))));
    }

    /** An agent opens the queue, takes a case and decides it. */
    static ChainBuilder agentDecides() {
        return exec(session -> session.removeAll("caseId", "take", "decide", "version"))
                .exec(http("agent queue").get("/agent/queue")
                        .check(regex("href=\"/agent/cases/(\\d+)\"").findRandom().optional().saveAs("caseId")))
                .pause(THINK_MIN, THINK_MAX)
                .doIf("#{caseId.exists()}").then(
                        exec(http("agent case").get("/agent/cases/#{caseId}").check(csrf(),
                                regex("action=\"/agent/cases/\\d+/(take)\"").optional().saveAs("take")))
                        .pause(THINK_MIN, THINK_MAX)
                        .doIf("#{take.exists()}").then(
                                exec(http("agent take").post("/agent/cases/#{caseId}/take")
                                        .formParam("_csrf", "#{csrf}").check(status().is(302)))
                                .exec(http("agent case").get("/agent/cases/#{caseId}").check(csrf(),
                                        regex("action=\"/agent/cases/\\d+/(decide)\"").optional().saveAs("decide"),
                                        css("form.decision-form input[name='version']", "value").optional()
                                                .saveAs("version")))
                                .pause(THINK_MIN, THINK_MAX)
                                .doIf("#{decide.exists()}").then(
                                        exec(http("agent decide").post("/agent/cases/#{caseId}/decide")
                                                .formParam("_csrf", "#{csrf}").formParam("version", "#{version}")
                                                .formParam("choice", "DECIDE").formParam("outcome", "REJECT")
                                                .formParam("rationale", "Load test: the evidence does not support it.")
                                                .formParam("clause", "R-8.1").formParam("costBearer", "SELLER")
                                                .check(status().in(200, 302))))))
                .exec(http("agent dashboard").get("/agent/dashboard").check(status().is(200)));
    }

    /** The storefront reports a paid order, its parcel and the carrier's first scan. */
    static ChainBuilder storefrontReports() {
        return exec(session -> {
            long serial = SERIAL.incrementAndGet();
            return session.set("orderNumber", "LOAD" + serial)
                    .set("tracking", "SF%013d".formatted(serial % 10_000_000_000_000L))
                    .set("now", Instant.now().toString()).set("buyerRef", "load-buyer-" + serial % 50);
        })
                .exec(http("api order").post("/api/v1/orders").header("X-Api-Key", LoadConfig.apiKey())
                        .header("Content-Type", "application/json").body(StringBody(orderJson()))
                        .check(status().in(200, 201)))
                .exec(http("api shipment").post("/api/v1/shipments").header("X-Api-Key", LoadConfig.apiKey())
                        .header("Content-Type", "application/json").body(StringBody("""
                                {"orderNumber":"#{orderNumber}","carrier":"SF","trackingNumber":"#{tracking}",
                                 "shippedAt":"#{now}"}"""))
                        .check(status().in(200, 201)))
                .exec(http("api scan").post("/api/v1/shipments/#{tracking}/events")
                        .header("X-Api-Key", LoadConfig.apiKey())
                        .header("Content-Type", "application/json").body(StringBody("""
                                {"eventId":"pickup","occurredAt":"#{now}","kind":"PICKED_UP","location":"Hangzhou",
                                 "description":"Picked up","weightGrams":900}"""))
                        .check(status().in(200, 201)))
                .pause(THINK_MIN, THINK_MAX);
    }

    private static String orderJson() {
        long price = LoadConfig.apiUnitPrice();
        return """
                {"orderNumber":"#{orderNumber}","shopCode":"%s",
                 "buyer":{"id":"#{buyerRef}","name":"Load buyer","phone":"13700000000"},
                 "currency":"CNY","paidAmount":%d,"shippingFee":0,"paidAt":"#{now}",
                 "delivery":{"recipient":"Load buyer","phone":"13700000000","address":"No. 1 Load Road, Hangzhou"},
                 "lines":[{"sku":"%s","title":"Load item","quantity":1,"unitPrice":%d}]}"""
                .formatted(LoadConfig.apiShop(), price, LoadConfig.apiSku(), price);
    }

    private static io.gatling.javaapi.core.CheckBuilder.Final csrf() {
        return css("input[name='_csrf']", "value").saveAs("csrf");
    }
}
