package dev.aftersales.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import dev.aftersales.identity.ApiClientManagement;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.HttpUser;
import dev.aftersales.support.HttpUser.Page;
import dev.aftersales.support.MutableClock;

/**
 * Wrong API keys from one client address are answered 429 with Retry-After after 20 in a minute; a client with a
 * valid key is never counted nor held up. Over real HTTP; each client address comes through the trusted local proxy.
 */
@AftersalesIntegrationTest
class ApiKeyThrottleIntegrationTests {

    @Autowired
    ApiClientManagement apiClients;
    @Autowired
    MutableClock clock;
    @Value("${local.server.port}")
    int port;

    String validKey;
    String guesserAddress;
    String storefrontAddress;

    @BeforeEach
    void setUp() {
        clock.reset();
        validKey = apiClients.create(Fixtures.unique("storefront-")).key();
        long n = Math.abs(Fixtures.unique("").hashCode() % 250);
        guesserAddress = "198.51.100." + n;
        storefrontAddress = "203.0.113." + n;
    }

    Page cancel(HttpUser client, String key) {
        HttpRequest.Builder request = client.request("/api/v1/orders/" + Fixtures.unique("NOPE") + "/cancellations")
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"OVERSOLD\"}"));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return client.send(request);
    }

    @Test
    void aGuessingAddressIsToldToWaitAfterTwentyWrongKeysInAMinute() {
        HttpUser guesser = HttpUser.browser(port).from(guesserAddress);
        HttpUser storefront = HttpUser.browser(port).from(storefrontAddress);
        for (int i = 1; i <= 20; i++) {
            assertThat(cancel(guesser, "ask_wrong-" + i).status()).as("wrong key %d", i).isEqualTo(401);
        }
        Page refused = cancel(guesser, "ask_wrong-21");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"status\":429").contains("Too many wrong API keys");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(cancel(guesser, validKey).status()).as("the address is not looked at, even with a right key")
                .isEqualTo(429);

        // another client with its valid key is not held up
        Page valid = cancel(storefront, validKey);
        assertThat(valid.status()).as("authenticated: the unknown order is not found").isEqualTo(404);

        clock.advance(Duration.ofSeconds(retryAfter));
        assertThat(cancel(guesser, "ask_wrong-22").status()).as("after the wait").isEqualTo(401);
    }

    @Test
    void callsWithAValidKeyAreNeverCounted() {
        HttpUser storefront = HttpUser.browser(port).from(storefrontAddress);
        for (int i = 0; i < 30; i++) {
            assertThat(cancel(storefront, validKey).status()).isEqualTo(404);
        }
        for (int i = 1; i <= 20; i++) {
            assertThat(cancel(storefront, "ask_typo-" + i).status()).isEqualTo(401);
        }
        assertThat(cancel(storefront, "ask_typo-21").status()).isEqualTo(429);
    }

    @Test
    void callsWithoutAKeyAreAnsweredAsBefore() {
        HttpUser anonymous = HttpUser.browser(port).from(guesserAddress);
        for (int i = 0; i < 25; i++) {
            assertThat(cancel(anonymous, null).status()).isEqualTo(401);
        }
    }
}
