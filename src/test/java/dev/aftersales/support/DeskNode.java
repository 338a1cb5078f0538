package dev.aftersales.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * One node of the desk in its own JVM, as production runs it: {@code java -cp … dev.aftersales.AftersalesApplication}
 * with the test JVM's class path minus the test classes (so none of the test's beans, clocks or executors), its own
 * port and the given properties as command-line arguments. Its output goes to a log file, its input is empty.
 */
public final class DeskNode implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private DeskNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts a node; it is ready when {@link #awaitReady} returns. */
    public static DeskNode start(String name, Map<String, String> properties, Path logDirectory) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                "-cp", String.join(File.pathSeparator, applicationClassPath()),
                "dev.aftersales.AftersalesApplication", "--server.port=" + port));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Files.createDirectories(logDirectory);
            Path log = logDirectory.resolve(name + ".log");
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new DeskNode(name, port, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start node " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String base() {
        return "http://localhost:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the node says it is ready (migrations done, listening); fails with its log if it died. */
    public void awaitReady(Duration bound) {
        HttpUser probe = new HttpUser(base());
        Poll.until(name + " ready at " + base(), bound, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped (exit " + process.exitValue() + "):\n" + logTail());
            }
            try {
                return probe.get("/actuator/health/readiness").status() == 200;
            } catch (AssertionError notListeningYet) {
                return false;
            }
        });
    }

    /** Waits until the node's JVM has ended by itself; returns its exit code, or fails with its log. */
    public int awaitExit(Duration bound) {
        try {
            if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " still running after " + bound + ":\n" + logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + name, e);
        }
        return process.exitValue();
    }

    /** {@code kill -9}: the node gets no chance to finish anything. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes the node's threads into its log folder (for a test that failed waiting on it); returns the file. */
    public Path dumpThreads() {
        Path dump = log.resolveSibling(name + "-threads.txt");
        try {
            new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(dump.toFile()).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            return dump;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return dump;
    }

    /** The last lines the node wrote, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the node as an operator would (SIGTERM, graceful shutdown), or kills it when it does not stop. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /**
     * The class path the application runs with: the test JVM's (expanded when surefire passes it in a manifest-only
     * jar), without the test classes.
     */
    public static List<String> applicationClassPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.addAll(expand(entry));
        }
        List<String> application = entries.stream()
                .filter(entry -> !Paths.get(entry).normalize().endsWith(Paths.get("target", "test-classes")))
                .toList();
        if (application.stream().noneMatch(entry -> Paths.get(entry).normalize().endsWith(Paths.get("target",
                "classes")))) {
            throw new IllegalStateException("the application's classes are not on the class path: " + application);
        }
        return application;
    }

    private static List<String> expand(String entry) {
        if (!entry.endsWith(".jar") || !Files.isRegularFile(Paths.get(entry))) {
            return List.of(entry);
        }
        try (JarFile jar = new JarFile(entry)) {
            Manifest manifest = jar.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null || jar.getEntry("dev/") != null || !entry.contains("surefire")) {
                return List.of(entry);
            }
            List<String> expanded = new ArrayList<>();
            for (String url : classPath.trim().split("\\s+")) {
                URI uri = Paths.get(entry).toUri().resolve(url);
                expanded.add(Paths.get(uri).toString());
            }
            return expanded;
        } catch (IOException e) {
            return List.of(entry);
        }
    }

    /** A port nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
