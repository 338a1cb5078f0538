package dev.aftersales.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.aftersales.identity.UserAccount;

/**
 * Someone using the desk over real HTTP (java.net.http) without a browser: keeps cookies (the session, the
 * language), posts forms with the CSRF token of the page they come from, and follows no redirect by itself (the
 * test reads where the desk sends it). Cookies are kept per host, not per port, as a browser does: the same user
 * can talk to several nodes on one machine ({@link #at}). Thread-safe: several threads may send in the same session
 * at once (one cookie jar). Every request gives up after a bound (not a measurement), so a hanging server fails the
 * test instead of stalling it.
 * <p>
 * {@link #browser(int)} is a browser on the test server: it asks for HTML in English unless a request says
 * otherwise. {@link #from(String)} makes every request come through a trusted proxy on behalf of that client
 * address ({@code X-Forwarded-For}), so that tests of per-address limits do not share 127.0.0.1 with the rest of
 * the suite. (The integration API as the storefront calls it, with its key: {@link ApiCalls}.)
 */
public final class HttpUser {

    /** How long a request may take before the test fails: generous, a bound rather than a measurement. */
    public static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** The bound for a browser on the shared test server, where concurrent tests and races queue requests. */
    private static final Duration BROWSER_TIMEOUT = Duration.ofSeconds(60);

    private static final Map<String, String> BROWSER_HEADERS = Map.of("Accept", "text/html", "Accept-Language",
            "en");

    private static final Pattern CSRF = Pattern
            .compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final String base;
    private final CookieManager cookies;
    private final Duration timeout;
    private final Map<String, String> defaultHeaders;
    private final HttpClient client;
    private volatile String clientAddress;

    public HttpUser(String base) {
        this(base, TIMEOUT);
    }

    /** A user whose requests give up after {@code timeout}. */
    public HttpUser(String base, Duration timeout) {
        this(base, new CookieManager(null, CookiePolicy.ACCEPT_ALL), timeout, Map.of(), null);
    }

    private HttpUser(String base, CookieManager cookies, Duration timeout, Map<String, String> defaultHeaders,
            String clientAddress) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.cookies = cookies;
        this.timeout = timeout;
        this.defaultHeaders = defaultHeaders;
        this.clientAddress = clientAddress;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** A browser on the test server's port, not signed in, asking for HTML in English. */
    public static HttpUser browser(int port) {
        return new HttpUser("http://localhost:" + port, new CookieManager(null, CookiePolicy.ACCEPT_ALL),
                BROWSER_TIMEOUT, BROWSER_HEADERS, null);
    }

    /**
     * A browser on the test server signed in through the login form as {@code account} (password
     * {@link Fixtures#PASSWORD}); fails unless the desk sends it to the role's home.
     */
    public static HttpUser signedIn(int port, UserAccount account) {
        return browser(port).signIn(account.username(), Fixtures.PASSWORD, account.role().home());
    }

    /** The same user (same cookies) talking to another address, e.g. another node. */
    public HttpUser at(String otherBase) {
        return new HttpUser(otherBase, cookies, timeout, defaultHeaders, clientAddress);
    }

    /** Every later request says it comes from this client address, through the (trusted, local) proxy. */
    public HttpUser from(String address) {
        this.clientAddress = address;
        return this;
    }

    public String base() {
        return base;
    }

    /** A request to a path of the desk with this user's headers, to add more to before {@link #send}. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
        defaultHeaders.forEach(request::setHeader);
        if (clientAddress != null) {
            request.setHeader("X-Forwarded-For", clientAddress);
        }
        return request;
    }

    /** Sends a request built from {@link #request}. */
    public Page send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = client.send(built,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(response.statusCode(), response.headers().map(), response.body(), built.uri());
        } catch (IOException e) {
            throw new AssertionError("no answer from " + built.uri() + " within " + timeout + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** GET with extra headers as name, value pairs (they replace this user's own of the same name). */
    public Page get(String path, String... headers) {
        return send(withHeaders(request(path).GET(), headers));
    }

    /** Posts a form with the CSRF token found on {@code formPage} (fetched first; it must answer 200). */
    public Page submit(String formPage, String action, Map<String, String> fields, String... headers) {
        Page page = get(formPage, headers);
        if (page.status() != 200) {
            throw new AssertionError(formPage + " answered " + page.status());
        }
        return post(action, page.csrf(), fields, headers);
    }

    /** Posts a form (urlencoded) with the given CSRF token ({@code null}: none). */
    public Page post(String action, String csrf, Map<String, String> fields, String... headers) {
        String body = withCsrf(fields, csrf).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(withHeaders(request(action).setHeader("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers));
    }

    /** A file of a multipart form: the field's name, the file's name and its bytes. */
    public record Upload(String field, String fileName, byte[] bytes) {
    }

    /** Posts a form as {@code multipart/form-data} (text fields only), as a browser posts a form with a file input. */
    public Page postMultipart(String path, Map<String, String> fields, String csrf) {
        return postMultipart(path, withCsrf(fields, csrf), List.of());
    }

    /** Posts a form as {@code multipart/form-data} with files ({@code fields} carry the CSRF token). */
    public Page postMultipart(String path, Map<String, String> fields, List<Upload> files) {
        String boundary = "----aftersales" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Upload file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
                    + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.bytes());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).setHeader("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /**
     * Signs in through the login form, whatever comes of it.
     *
     * @return the answer to the form: a redirect to the role's home, or to {@code /login?error} or {@code ?locked}
     */
    public Page attemptSignIn(String username, String password) {
        return submit("/login", "/login", Map.of("username", username, "password", password));
    }

    /** Signs in through the login form; fails when the desk sends the user back to the login page. */
    public HttpUser signIn(String username, String password) {
        Page landed = attemptSignIn(username, password);
        if (landed.status() != 302 || landed.location().isEmpty() || landed.location().startsWith("/login")) {
            throw new AssertionError("sign-in of " + username + " ended in " + landed.status() + " "
                    + landed.location());
        }
        return this;
    }

    /** Signs in through the login form and checks that the desk sent the user to {@code home}. */
    public HttpUser signIn(String username, String password, String home) {
        Page landed = attemptSignIn(username, password);
        if (landed.status() != 302 || !landed.location().endsWith(home)) {
            throw new AssertionError("sign-in of " + username + " ended in " + landed.status() + " "
                    + landed.location());
        }
        return this;
    }

    /** The session cookie this user holds now. */
    public Optional<HttpCookie> sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION")).findFirst();
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

    private static Map<String, String> withCsrf(Map<String, String> fields, String csrf) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        return all;
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return request;
    }

    /** What came back, and for which address. */
    public record Page(int status, Map<String, List<String>> headers, String body, URI uri) {

        /** The first value of a header, {@code null} when there is none. */
        public String header(String name) {
            List<String> values = headers(name);
            return values.isEmpty() ? null : values.get(0);
        }

        /** Every value of a header (e.g. each {@code Set-Cookie}). */
        public List<String> headers(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).toList();
        }

        /** The path (and query) a redirect points to; empty when the answer is not a redirect. */
        public String location() {
            String location = header("Location");
            if (location == null) {
                return "";
            }
            URI target = URI.create(location);
            return target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        }

        /** The CSRF token of the first form on the page ({@code null} when it has none). */
        public String csrf() {
            Matcher matcher = CSRF.matcher(body);
            return matcher.find() ? (matcher.group(1) != null ? matcher.group(1) : matcher.group(2)) : null;
        }
    }
}
