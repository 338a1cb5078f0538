package dev.aftersales.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.aftersales.support.TestDatabase;

/**
 * The embedded PostgreSQL that keeps the desk's data folder writes durably; only the run's throw-away test database
 * trades that for speed, and says so.
 */
class EmbeddedPostgresDurabilityTests {

    @Test
    void theDesksEmbeddedDatabaseSyncsEveryCommitToDisk(@TempDir Path folder) throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(folder.resolve("postgres"), 0, "desk");
                Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(),
                        server.password())) {
            assertThat(show(connection, "fsync")).isEqualTo("on");
            assertThat(show(connection, "synchronous_commit")).isEqualTo("on");
            assertThat(show(connection, "full_page_writes")).isEqualTo("on");
            assertThat(show(connection, "data_directory")).isEqualTo(folder.resolve("postgres").toString());
        }
    }

    @Test
    void theThrowAwayTestDatabaseRunsWithTheSettingsItChose() throws Exception {
        assumeTrue(TestDatabase.isEmbedded(), "the run's database is not the embedded one");
        try (Connection connection = DriverManager.getConnection(System.getProperty("spring.datasource.url"),
                System.getProperty("spring.datasource.username"), System.getProperty("spring.datasource.password"))) {
            for (var setting : TestDatabase.NOT_DURABLE_FOR_SPEED.entrySet()) {
                assertThat(show(connection, setting.getKey())).as(setting.getKey()).isEqualTo(setting.getValue());
            }
        }
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("show " + setting)) {
            result.next();
            return result.getString(1);
        }
    }
}
