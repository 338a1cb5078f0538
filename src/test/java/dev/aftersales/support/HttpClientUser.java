package dev.aftersales.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A user of the desk over real HTTP (java.net.http against the test server's port), as a browser without JavaScript
 * would be: cookies kept, redirects not followed (the test reads them), forms posted with the CSRF token of the page
 * they came from. Thread-safe: several threads may send in the same session at once (one cookie jar).
 * <p>
 * {@link #from(String)} makes every request come through a trusted proxy on behalf of that client address
 * ({@code X-Forwarded-For}), so that tests of per-address limits do not share 127.0.0.1 with the rest of the suite.
 */
public final class HttpClientUser {

    private static final Pattern CSRF = Pattern
            .compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private volatile String clientAddress;

    public HttpClientUser(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Every later request says it comes from this client address, through the (trusted, local) proxy. */
    public HttpClientUser from(String address) {
        this.clientAddress = address;
        return this;
    }

    public String base() {
        return base;
    }

    /** A request to a path of the desk (English, HTML), to add headers to before {@link #send}. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                .header("Accept-Language", "en");
        if (clientAddress != null) {
            request.header("X-Forwarded-For", clientAddress);
        }
        return request;
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(request(path));
    }

    /** Posts a form (urlencoded), adding {@code csrfToken} as {@code _csrf} when given. */
    public HttpResponse<String> post(String path, Map<String, String> fields, String csrfToken) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrfToken != null) {
            all.put("_csrf", csrfToken);
        }
        String body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a form as {@code multipart/form-data} (text fields only), as a browser posts a form with a file input. */
    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, String csrfToken) {
        String boundary = "----aftersales" + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrfToken != null) {
            all.put("_csrf", csrfToken);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : all.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /**
     * Signs in through the login form.
     *
     * @return the answer to the form: a redirect to the role's home, or to {@code /login?error} or {@code ?locked}
     */
    public HttpResponse<String> signIn(String username, String password) {
        HttpResponse<String> login = get("/login");
        return post("/login", Map.of("username", username, "password", password), csrfToken(login.body()));
    }

    /** The CSRF token of a page's forms. */
    public static String csrfToken(String html) {
        Matcher token = CSRF.matcher(html);
        if (!token.find()) {
            throw new IllegalStateException("The page carries no CSRF token");
        }
        return token.group(1) != null ? token.group(1) : token.group(2);
    }

    /** The value of a page's (hidden) input of this name. */
    public static String inputValue(String html, String name) {
        Matcher input = Pattern.compile("<input[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*>").matcher(html);
        if (!input.find()) {
            throw new IllegalStateException("The page has no input " + name);
        }
        Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
        return value.find() ? value.group(1) : "";
    }

    /** The session cookie this user holds now. */
    public Optional<HttpCookie> sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION")).findFirst();
    }

    /** The path (and query) a redirect answer points to. */
    public static String location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("not a redirect: " + response.statusCode()));
        URI uri = URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
