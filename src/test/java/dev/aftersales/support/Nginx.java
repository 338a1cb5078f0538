package dev.aftersales.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's nginx as the reverse proxy in front of several nodes, run as a child process ({@code daemon off}) from a
 * configuration written into a folder of its own: round-robin over the nodes, the client's Host passed on, a request
 * id made by the proxy, and the node that answered named in {@code X-Upstream}.
 */
public final class Nginx implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final int port;
    private final Path folder;

    private Nginx(Process process, int port, Path folder) {
        this.process = process;
        this.port = port;
        this.folder = folder;
    }

    /**
     * Skips the test when nginx is missing on a developer's machine; on CI ({@code CI=true}), where {@code .ci/run}
     * installs it, a missing nginx is a failure.
     */
    public static void requireInstalled() {
        if (Files.isExecutable(BINARY)) {
            return;
        }
        String message = "nginx is not installed at " + BINARY + " (apt-get install nginx; .ci/run does this)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message);
        }
        Assumptions.abort(message);
    }

    /** Starts nginx in front of these nodes and waits until it answers. */
    public static Nginx inFrontOf(List<DeskNode> nodes, Path folder) {
        requireInstalled();
        int port = DeskNode.freePort();
        String upstreams = nodes.stream().map(n -> "    server 127.0.0.1:" + n.port() + " max_fails=0;")
                .collect(Collectors.joining("\n"));
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        String config = user + """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 256; }
                http {
                  access_log %1$s/access.log;
                  client_body_temp_path %1$s/tmp/body;
                  proxy_temp_path %1$s/tmp/proxy;
                  fastcgi_temp_path %1$s/tmp/fastcgi;
                  uwsgi_temp_path %1$s/tmp/uwsgi;
                  scgi_temp_path %1$s/tmp/scgi;
                  upstream desk {
                %2$s
                  }
                  server {
                    listen 127.0.0.1:%3$d;
                    location / {
                      proxy_pass http://desk;
                      proxy_set_header Host $http_host;
                      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                      proxy_set_header X-Forwarded-Proto $scheme;
                      proxy_set_header X-Request-Id $request_id;
                      proxy_read_timeout 30s;
                      add_header X-Upstream $upstream_addr always;
                    }
                  }
                }
                """.formatted(folder.toAbsolutePath(), upstreams, port);
        try {
            Files.createDirectories(folder.resolve("tmp"));
            Path conf = folder.resolve("nginx.conf");
            Files.writeString(conf, config, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(BINARY.toString(), "-p", folder.toAbsolutePath().toString(), "-c",
                    conf.toAbsolutePath().toString())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(folder.resolve("nginx.out").toFile())
                    .start();
            Nginx nginx = new Nginx(process, port, folder);
            HttpUser probe = new HttpUser(nginx.base());
            Poll.until("nginx answering on " + port, java.time.Duration.ofSeconds(20), () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("nginx stopped: " + nginx.errors());
                }
                try {
                    return probe.get("/actuator/health/liveness").status() == 200;
                } catch (AssertionError notYet) {
                    return false;
                }
            });
            return nginx;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start nginx", e);
        }
    }

    public String base() {
        return "http://localhost:" + port;
    }

    /** What nginx wrote to its error log. */
    public String errors() {
        try {
            Path log = folder.resolve("error.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
