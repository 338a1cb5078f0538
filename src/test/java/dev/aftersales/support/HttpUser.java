package dev.aftersales.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Someone using the desk over real HTTP without a browser: keeps cookies (the session, the language), sends forms
 * with the CSRF token of the page they come from, and follows nothing by itself. Cookies are kept per host, not per
 * port, as a browser does: the same user can talk to several nodes on one machine. Every request gives up after
 * {@link #TIMEOUT} (or the timeout given), so a hanging server fails the test instead of stalling it.
 */
public final class HttpUser {

    /** How long a request may take before the test fails: generous, a bound rather than a measurement. */
    public static final Duration TIMEOUT = Duration.ofSeconds(15);

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies;
    private final Duration timeout;
    private final HttpClient client;

    public HttpUser(String base) {
        this(base, TIMEOUT);
    }

    /** A user whose requests give up after {@code timeout}. */
    public HttpUser(String base, Duration timeout) {
        this(base, new CookieManager(null, CookiePolicy.ACCEPT_ALL), timeout);
    }

    private HttpUser(String base, CookieManager cookies, Duration timeout) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.cookies = cookies;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** The same user (same cookies) talking to another address, e.g. another node. */
    public HttpUser at(String otherBase) {
        return new HttpUser(otherBase, cookies, timeout);
    }

    public String base() {
        return base;
    }

    public Page get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
    }

    /** Posts a form with the CSRF token found on {@code formPage} (fetched first). */
    public Page submit(String formPage, String action, Map<String, String> fields, String... headers) {
        Page page = get(formPage, headers);
        return post(action, page.csrf(), fields, headers);
    }

    /** Posts a form with the given CSRF token. */
    public Page post(String action, String csrf, Map<String, String> fields, String... headers) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        String body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    /** Sends JSON (the integration API). */
    public Page postJson(String path, String json, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    /** Signs in through the login form and checks that the desk sent the user to {@code home}. */
    public HttpUser signIn(String username, String password, String home) {
        Page landed = submit("/login", "/login", Map.of("username", username, "password", password));
        if (landed.status() != 302 || !landed.location().endsWith(home)) {
            throw new AssertionError("sign-in of " + username + " ended in " + landed.status() + " "
                    + landed.location());
        }
        return this;
    }

    private Page send(HttpRequest.Builder request, String... headers) {
        request.timeout(timeout);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new AssertionError("no answer from " + base + " within " + timeout + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** What came back. */
    public record Page(int status, Map<String, java.util.List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public String location() {
            String location = header("Location");
            return location == null ? "" : location;
        }

        /** The CSRF token of the first form on the page. */
        public String csrf() {
            Matcher matcher = CSRF.matcher(body);
            return matcher.find() ? matcher.group(1) : null;
        }
    }
}
