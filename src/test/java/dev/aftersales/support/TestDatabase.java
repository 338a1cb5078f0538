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

    private static AutoCloseable running;

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
            EmbeddedPostgresServer server = EmbeddedPostgresServer.startTemporary("aftersales_test");
            publish(server.jdbcUrl(), server.username(), server.password());
            running = server;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the test PostgreSQL", e);
        }
    }

    static synchronized void stop() {
        if (running != null) {
            try {
                running.close();
            } catch (Exception ignored) {
                // the JVM is ending
            }
            running = null;
        }
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
