package dev.aftersales.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.aftersales.identity.UserAccount;

/**
 * A browser without a browser: real HTTP against the running application (through Tomcat and its limits), signed
 * in through the login form, reading each form's CSRF token from the page like a browser would. For what MockMvc
 * cannot show: the server's size limits on forms and uploads.
 */
public final class HttpForms {

    private static final Pattern CSRF = Pattern
            .compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    private HttpForms(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Signs in through the login form with {@link Fixtures#PASSWORD}. */
    public static HttpForms signIn(int port, UserAccount account) throws IOException, InterruptedException {
        HttpForms forms = new HttpForms(port);
        String token = forms.csrf("/login");
        HttpResponse<String> signedIn = forms.postForm("/login", Map.of("username", account.username(), "password",
                Fixtures.PASSWORD, "_csrf", token));
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("Could not sign in as " + account.username());
        }
        return forms;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                .header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token of the form on this page. */
    public String csrf(String page) throws IOException, InterruptedException {
        Matcher token = CSRF.matcher(get(page).body());
        if (!token.find()) {
            throw new IllegalStateException("No CSRF token on " + page);
        }
        return token.group(1) != null ? token.group(1) : token.group(2);
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields)
            throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A file of a multipart form: the field's name, the file's name and its bytes. */
    public record Upload(String field, String fileName, byte[] bytes) {
    }

    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, List<Upload> files)
            throws IOException, InterruptedException {
        String boundary = "----aftersales" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Upload file : files) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
                    + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(file.bytes());
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Follows a redirect answer to the page it names. */
    public HttpResponse<String> follow(HttpResponse<String> redirect) throws IOException, InterruptedException {
        String location = redirect.headers().firstValue("Location").orElseThrow();
        return get(location.startsWith("http") ? URI.create(location).getRawPath()
                + (URI.create(location).getRawQuery() == null ? "" : "?" + URI.create(location).getRawQuery())
                : location);
    }
}
