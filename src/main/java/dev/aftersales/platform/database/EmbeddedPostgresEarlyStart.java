package dev.aftersales.platform.database;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the application's settings are read, so that the
 * server boots while Spring reads the configuration classes, instead of after them: about half a second less before
 * a desk is ready on two cores (docs/performance.md#start-up-and-memory). {@link EmbeddedDatabaseConfiguration}
 * then takes the running server, waiting for it if it is not up yet; a failed start fails the context as before.
 * <p>
 * Only when the desk runs on its embedded database (no {@code spring.datasource.url}) and
 * {@code aftersales.embedded-db.early-start} is not {@code false}, and never while the build processes the context
 * ahead of time ({@code ./mvnw -Paot package}), which reads the settings but starts no database. A server that no
 * bean took (the context failed before, or did not ask for one) is stopped when the application fails or is ready.
 */
public class EmbeddedPostgresEarlyStart implements ApplicationListener<SpringApplicationEvent>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresEarlyStart.class);

    /** The name of the {@link Started} bean registered in the application context. */
    static final String BEAN_NAME = "embeddedPostgresEarlyStart";

    private volatile Started started;

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            started = start(prepared.getEnvironment());
        } else if (event instanceof ApplicationPreparedEvent prepared && started != null) {
            prepared.getApplicationContext().getBeanFactory().registerSingleton(BEAN_NAME, started);
        } else if ((event instanceof ApplicationFailedEvent || event instanceof ApplicationReadyEvent)
                && started != null) {
            started.stopIfUnclaimed();
        }
    }

    /** After the configuration files were read (they name the data folder). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static Started start(ConfigurableEnvironment environment) {
        if (!environment.getProperty("spring.datasource.url", "").isBlank()
                || Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)
                || !environment.getProperty("aftersales.embedded-db.early-start", Boolean.class, true)) {
            return null;
        }
        Settings settings = Settings.of(
                Path.of(environment.getProperty("aftersales.embedded-db.data-dir", ".data/postgres")),
                environment.getProperty("aftersales.embedded-db.port", Integer.class, 0),
                environment.getProperty("aftersales.embedded-db.database", "aftersales"));
        CompletableFuture<EmbeddedPostgresServer> server = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                server.complete(EmbeddedPostgresServer.start(settings.dataDirectory(), settings.port(),
                        settings.database()));
            } catch (Throwable e) {
                server.completeExceptionally(e);
            }
        }, "embedded-postgres-start");
        thread.setDaemon(true);
        thread.start();
        return new Started(settings, server);
    }

    /** Where and how the server is started; two starts with equal settings would share one data folder. */
    record Settings(Path dataDirectory, int port, String database) {

        static Settings of(Path dataDirectory, int port, String database) {
            return new Settings(dataDirectory.toAbsolutePath().normalize(), port, database);
        }
    }

    /** A server being started in the background, taken at most once. */
    static final class Started {

        private final Settings settings;
        private final CompletableFuture<EmbeddedPostgresServer> server;
        private final AtomicBoolean taken = new AtomicBoolean();

        Started(Settings settings, CompletableFuture<EmbeddedPostgresServer> server) {
            this.settings = settings;
            this.server = server;
        }

        /**
         * The server, once it runs, if it was started with {@code wanted}; else {@code null} (and the caller starts
         * its own). Throws what the start threw.
         */
        EmbeddedPostgresServer take(Settings wanted) throws IOException {
            if (!settings.equals(wanted) || !taken.compareAndSet(false, true)) {
                stopIfUnclaimed();
                return null;
            }
            try {
                return server.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while the embedded PostgreSQL started", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IOException("The embedded PostgreSQL did not start", e.getCause());
            }
        }

        void stopIfUnclaimed() {
            if (!taken.compareAndSet(false, true)) {
                return;
            }
            try {
                EmbeddedPostgresServer unclaimed = server.get();
                log.info("Stopping the embedded PostgreSQL started early on {}: no data source took it",
                        settings.dataDirectory());
                unclaimed.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | IOException e) {
                log.debug("The early start of the embedded PostgreSQL failed", e);
            }
        }

        Settings settings() {
            return settings;
        }

        @Override
        public String toString() {
            return "embedded PostgreSQL on " + Objects.toString(settings.dataDirectory());
        }
    }
}
