package dev.aftersales.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import dev.aftersales.shared.Role;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.HttpUser;
import dev.aftersales.support.HttpUser.Page;

/**
 * Behind a reverse proxy that ends HTTPS and says so ({@code X-Forwarded-Proto: https}), the session cookie is
 * {@code Secure}; served over plain HTTP (the demo on http://localhost) it is not. Only the configured proxy
 * addresses ({@code server.tomcat.remoteip.internal-proxies}, loopback by default) are believed.
 */
@AftersalesIntegrationTest
class ForwardedHeadersIntegrationTests {

    @Autowired
    Fixtures fixtures;
    @Autowired
    WebServerApplicationContext context;
    @Value("${local.server.port}")
    int port;

    @Test
    void theSessionCookieIsSecureBehindATrustedHttpsProxy() {
        HttpUser user = HttpUser.browser(port);
        Page login = user.send(user.request("/login").header("X-Forwarded-Proto", "https"));
        assertThat(sessionCookie(login)).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");

        var buyer = fixtures.account(Role.BUYER, null);
        // the browser holds the Secure cookie for the proxy's https address and sends it back through the proxy
        String cookie = sessionCookie(login).split(";")[0];
        Page signedIn = user.send(user.request("/login").header("X-Forwarded-Proto", "https")
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + buyer.username() + "&password="
                        + Fixtures.PASSWORD + "&_csrf="
                        + URLEncoder.encode(HttpUser.csrfToken(login.body()), StandardCharsets.UTF_8))));
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).isEqualTo("/buyer/orders");
        assertThat(sessionCookie(signedIn)).as("the signed-in session's new cookie").contains("Secure");
    }

    @Test
    void theSessionCookieIsNotSecureOverPlainHttp() {
        HttpUser user = HttpUser.browser(port);
        Page login = user.get("/login");
        assertThat(sessionCookie(login)).contains("HttpOnly").doesNotContain("Secure");
    }

    @Test
    void onlyTheConfiguredProxyAddressesAreBelieved() {
        RemoteIpValve valve = remoteIpValve();
        assertThat(valve.getProtocolHeader()).isEqualToIgnoringCase("X-Forwarded-Proto");
        assertThat(valve.getRemoteIpHeader()).isEqualToIgnoringCase("X-Forwarded-For");
        String trusted = valve.getInternalProxies();
        for (String loopback : List.of("127.0.0.1", "0:0:0:0:0:0:0:1")) {
            assertThat(loopback.matches(trusted)).as(loopback).isTrue();
        }
        for (String other : List.of("10.0.0.5", "192.168.1.20", "172.16.0.3", "203.0.113.9")) {
            assertThat(other.matches(trusted)).as(other + " is not a trusted proxy").isFalse();
        }
    }

    RemoteIpValve remoteIpValve() {
        Valve[] valves = ((TomcatWebServer) context.getWebServer()).getTomcat().getEngine().getPipeline()
                .getValves();
        return Arrays.stream(valves).filter(RemoteIpValve.class::isInstance).map(RemoteIpValve.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no RemoteIpValve: forwarded headers are ignored"));
    }

    static String sessionCookie(Page response) {
        return response.headers("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie set"));
    }
}
