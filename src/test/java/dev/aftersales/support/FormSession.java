package dev.aftersales.support;

import java.io.IOException;
import java.net.CookieManager;
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

import dev.aftersales.identity.UserAccount;

/**
 * A browser's session over real HTTP against the running test server: its own cookie jar (so its own session), the
 * login form posted with its CSRF token, and forms posted as a browser posts them (the token read from the page the
 * form is on). Thread-safe enough for one thread per session.
 */
public final class FormSession {

    private static final Pattern CSRF = Pattern
            .compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final String base;
    private final HttpClient http;

    private FormSession(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Signs in through the login form (password {@link Fixtures#PASSWORD}); fails unless it lands on the role's home. */
    public static FormSession signIn(int port, UserAccount account) {
        FormSession session = new FormSession(port);
        Response login = session.get("/login");
        Response signedIn = session.post("/login", Map.of("username", account.username(), "password",
                Fixtures.PASSWORD, "_csrf", csrf(login.body())));
        String home = account.role().home();
        if (signedIn.status() != 302 || signedIn.location() == null || !signedIn.location().endsWith(home)) {
            throw new IllegalStateException("Signing in " + account.username() + " answered " + signedIn.status()
                    + " to " + signedIn.location());
        }
        return session;
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                .header("Accept-Language", "en").GET().build());
    }

    /**
     * Opens the page a form is on and posts the form as a browser would: with the page's CSRF token and
     * {@code fields}.
     */
    public Response submit(String pagePath, String actionPath, Map<String, String> fields) {
        Response page = get(pagePath);
        if (page.status() != 200) {
            throw new IllegalStateException(pagePath + " answered " + page.status());
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf(page.body()));
        return post(actionPath, all);
    }

    private Response post(String path, Map<String, String> fields) {
        StringBuilder form = new StringBuilder();
        fields.forEach((k, v) -> {
            if (!form.isEmpty()) {
                form.append('&');
            }
            form.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                .header("Accept-Language", "en").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String csrf(String html) {
        Matcher token = CSRF.matcher(html);
        if (!token.find()) {
            throw new IllegalStateException("No CSRF token on the page");
        }
        return token.group(1) != null ? token.group(1) : token.group(2);
    }

    /** What the server answered. */
    public record Response(int status, String location, String body) {
    }
}
