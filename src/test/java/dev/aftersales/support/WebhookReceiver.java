package dev.aftersales.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server inside the test JVM (port 0, loopback) that receives webhook deliveries: it keeps every request
 * (headers and body) in arrival order and answers what the test tells it, per request. Each request is handled on a
 * thread of its own, so one held request does not keep the others out.
 */
public final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new ArrayList<>();
    private volatile Function<Received, Answer> answer = r -> new Answer(200, "ok");

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The address deliveries go to: {@code http://127.0.0.1:PORT/hook}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** How the receiver answers each request from now on (it may block, to hold the request). */
    public void answer(Function<Received, Answer> how) {
        this.answer = how;
    }

    /** The requests received so far, in arrival order. */
    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var h = exchange.getRequestHeaders();
        Received request = new Received(exchange.getRequestMethod(), h.getFirst("Aftersales-Delivery"),
                h.getFirst("Aftersales-Event"), h.getFirst("Aftersales-Timestamp"),
                h.getFirst("Aftersales-Signature"), h.getFirst("Content-Type"), body);
        int index;
        synchronized (received) {
            received.add(request);
            index = received.size();
        }
        Answer reply;
        try {
            reply = answer.apply(request.withIndex(index));
        } catch (RuntimeException e) {
            reply = new Answer(500, e.toString());
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        try {
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException gone) {
            // the sender gave up waiting (its timeout): nobody reads the answer
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** One request as received; {@code index} counts from 1 in arrival order. */
    public record Received(String method, String delivery, String event, String timestamp, String signature,
            String contentType, String body, int index) {

        Received(String method, String delivery, String event, String timestamp, String signature,
                String contentType, String body) {
            this(method, delivery, event, timestamp, signature, contentType, body, 0);
        }

        Received withIndex(int i) {
            return new Received(method, delivery, event, timestamp, signature, contentType, body, i);
        }
    }

    /** What the receiver answers. */
    public record Answer(int status, String body) {
    }
}
