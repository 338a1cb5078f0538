package dev.aftersales.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like HTTP client on the running desk (real HTTP on the test server's port), signed in through the login
 * form with its CSRF token, in English. Redirects are not followed, so a test sees where the desk sends it.
 */
public final class SignedInHttp {

    private static final Pattern CSRF = Pattern
            .compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final HttpClient http;
    private final String base;
    private final String landing;

    private SignedInHttp(HttpClient http, String base, String landing) {
        this.http = http;
        this.base = base;
        this.landing = landing;
    }

    /** Signs in as {@code username}; fails when the form does not take the password. */
    public static SignedInHttp signIn(int port, String username, String password) {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        try {
            HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
            String body = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                    + encode(csrfToken(form.body()));
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "en")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            String location = signedIn.headers().firstValue("Location").orElse("");
            if (signedIn.statusCode() != 302 || location.contains("/login")) {
                throw new IllegalStateException(username + " could not sign in: " + signedIn.statusCode() + " "
                        + location);
            }
            return new SignedInHttp(http, base, location.replaceFirst("^https?://[^/]+", ""));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the desk sent the user after signing in (the role's home). */
    public String landing() {
        return landing;
    }

    /** GET a page as HTML, in English. */
    public HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                    .header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CSRF token of the first form on a page. */
    public static String csrfToken(String html) {
        Matcher token = CSRF.matcher(html);
        if (!token.find()) {
            throw new IllegalStateException("The page carries no CSRF token");
        }
        return token.group(1) != null ? token.group(1) : token.group(2);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
