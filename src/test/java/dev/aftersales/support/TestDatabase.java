package dev.aftersales.support;

import java.io.IOException;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import dev.aftersales.platform.database.EmbeddedPostgresServer;

/**
 * One PostgreSQL for the whole test run: a Testcontainers PostgreSQL where a Docker engine answers, otherwise an
 * embedded PostgreSQL in a temporary folder. Either way a real PostgreSQL with the same migrations. Started by
 * {@link TestDatabaseSession} before the first test and published as {@code spring.datasource.*} system
 * properties, so every Spring test context of the run uses it.
 */
public final class TestDatabase {

    /**
     * The run's embedded database is thrown away at the end, so it need not survive a power cut: no fsync, commits
     * confirmed before they reach the disk. (The desk's own embedded database keeps both on.)
     */
    public static final java.util.Map<String, String> NOT_DURABLE_FOR_SPEED = java.util.Map.of(
            "fsync", "off",
            "synchronous_commit", "off",
            "full_page_writes", "off");

    private static AutoCloseable running;
    private static final java.util.List<AutoCloseable> users = new java.util.ArrayList<>();

    private TestDatabase() {
    }

    static synchronized void start() {
        if (running != null || System.getProperty("spring.datasource.url") != null) {
            return;
        }
        if (!"false".equals(System.getProperty("aftersales.test.docker")) && dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:18-alpine");
            container.start();
            publish(container.getJdbcUrl(), container.getUsername(), container.getPassword());
            running = container;
            return;
        }
        try {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.startTemporary("aftersales_test",
                    NOT_DURABLE_FOR_SPEED);
            publish(server.jdbcUrl(), server.username(), server.password());
            running = server;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the test PostgreSQL", e);
        }
    }

    /** Whether the run's database is the embedded one this class started (not a container or a given URL). */
    public static synchronized boolean isEmbedded() {
        return running instanceof EmbeddedPostgresServer;
    }

    /**
     * A Spring context (or anything else that talks to the database) of the run: closed before the database stops, so
     * it never waits for a vanished server.
     */
    public static synchronized void closeBeforeStopping(AutoCloseable context) {
        users.add(context);
    }

    /**
     * Closes the run's Spring contexts, then the database. (Left to the JVM's shutdown hooks, both would stop at
     * once and the contexts would wait half a minute for connections that can no longer be made.)
     */
    static synchronized void stop() {
        for (AutoCloseable user : users) {
            try {
                user.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
        users.clear();
        if (running != null) {
            try {
                running.close();
            } catch (Exception ignored) {
                // the JVM is ending
            }
            running = null;
        }
    }

    /**
     * A new, empty database on the run's PostgreSQL, for a Spring context that needs a database of its own (the
     * demo data): its JDBC URL, with the run's user and password.
     */
    public static synchronized String freshDatabase(String prefix) {
        start();
        String url = System.getProperty("spring.datasource.url");
        String name = prefix + "_" + ProcessHandle.current().pid() + "_" + (System.nanoTime() % 1_000_000);
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url,
                System.getProperty("spring.datasource.username"), System.getProperty("spring.datasource.password"));
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not create the database " + name, e);
        }
        return url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable noDocker) {
            return false;
        }
    }

    private static void publish(String url, String username, String password) {
        System.setProperty("spring.datasource.url", url);
        System.setProperty("spring.datasource.username", username);
        System.setProperty("spring.datasource.password", password);
    }
}
