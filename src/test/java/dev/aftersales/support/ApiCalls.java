package dev.aftersales.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The integration API over real HTTP against the test server, as the storefront or a carrier calls it. */
public final class ApiCalls {

    private final String base;
    private final String key;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public ApiCalls(int port, String key) {
        this("http://localhost:" + port, key, HttpUser.TIMEOUT);
    }

    /** Calls the desk at {@code base} (another node, or through a proxy); a call waits at most {@code timeout}. */
    public ApiCalls(String base, String key, Duration timeout) {
        this.base = base;
        this.key = key;
        this.timeout = timeout;
    }

    public Response post(String path, String json) {
        return post(path, json, null);
    }

    /** A POST with an {@code Idempotency-Key} ({@code null}: none). */
    public Response post(String path, String json, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).header("X-Api-Key", key)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Accept-Language", "en").POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).header("X-Api-Key", key)
                .header("Accept", "application/json").header("Accept-Language", "en").GET().build());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The storefront reports that the order was cancelled for this reason. */
    public Response cancel(String orderNumber, String reason) {
        return post("/api/v1/orders/" + orderNumber + "/cancellations",
                "{\"reason\":\"" + reason + "\",\"note\":\"sold out during a flash sale\"}");
    }

    /** The storefront reports the order's parcel. */
    public Response ship(String orderNumber, String carrier, String trackingNumber) {
        return post("/api/v1/shipments", "{\"orderNumber\":\"" + orderNumber + "\",\"carrier\":\"" + carrier
                + "\",\"trackingNumber\":\"" + trackingNumber + "\"}");
    }

    /** What the API answered. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        /** The first value of this header, or {@code null}. */
        public String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .flatMap(h -> h.getValue().stream()).findFirst().orElse(null);
        }

        public String contentType() {
            String type = header("Content-Type");
            return type == null ? "" : type;
        }

        /** It came with {@code Idempotent-Replayed: true}: the answer to an earlier call with the same key. */
        public boolean replayed() {
            return "true".equals(header("Idempotent-Replayed"));
        }

        public boolean problem() {
            return contentType().startsWith("application/problem+json");
        }
    }
}
