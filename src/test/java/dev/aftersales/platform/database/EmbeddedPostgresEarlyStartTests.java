package dev.aftersales.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The embedded PostgreSQL is started while Spring reads its configuration, and the desk's data source gets that
 * very server; a server no data source took does not outlive the application; with an external database nothing is
 * started. Real PostgreSQL servers on temporary folders, driven by the application events Spring Boot sends.
 */
class EmbeddedPostgresEarlyStartTests {

    private final SpringApplication application = new SpringApplication(EmbeddedPostgresEarlyStartTests.class);

    @Test
    void theDataSourceGetsTheServerStartedWhileTheConfigurationWasRead(@TempDir Path folder) throws Exception {
        Path data = folder.resolve("postgres");
        EmbeddedPostgresEarlyStart listener = new EmbeddedPostgresEarlyStart();
        GenericApplicationContext context = new GenericApplicationContext();
        listener.onApplicationEvent(environmentPrepared(Map.of("aftersales.embedded-db.data-dir", data.toString(),
                "aftersales.embedded-db.database", "desk")));
        listener.onApplicationEvent(new ApplicationPreparedEvent(application, new String[0], context));

        EmbeddedPostgresEarlyStart.Started started = context.getBeanFactory()
                .getBean(EmbeddedPostgresEarlyStart.Started.class);
        try (EmbeddedPostgresServer server = started.take(EmbeddedPostgresEarlyStart.Settings.of(data, 0, "desk"))) {
            assertThat(server).isNotNull();
            listener.onApplicationEvent(
                    new ApplicationReadyEvent(application, new String[0], context, Duration.ofSeconds(1)));
            // taken: the ready application keeps it, with its data where the settings said and durable
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(),
                    server.password())) {
                assertThat(show(connection, "data_directory")).isEqualTo(data.toString());
                assertThat(show(connection, "fsync")).isEqualTo("on");
            }
            assertThat(started.take(EmbeddedPostgresEarlyStart.Settings.of(data, 0, "desk")))
                    .as("taken only once").isNull();
        } finally {
            started.stopIfUnclaimed(); // never leave a server behind, should an assertion above fail
        }
        assertThat(data.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void aServerNoDataSourceTookIsStoppedWhenTheApplicationFails(@TempDir Path folder) throws Exception {
        Path data = folder.resolve("postgres");
        EmbeddedPostgresEarlyStart listener = new EmbeddedPostgresEarlyStart();
        GenericApplicationContext context = new GenericApplicationContext();
        listener.onApplicationEvent(environmentPrepared(Map.of("aftersales.embedded-db.data-dir", data.toString())));
        listener.onApplicationEvent(new ApplicationPreparedEvent(application, new String[0], context));

        listener.onApplicationEvent(new ApplicationFailedEvent(application, new String[0], context,
                new IllegalStateException("a bean failed before the data source")));

        assertThat(data.resolve("PG_VERSION")).as("the server had started").exists();
        assertThat(data.resolve("postmaster.pid")).as("and is stopped").doesNotExist();
    }

    @Test
    void withAnExternalDatabaseNothingIsStarted(@TempDir Path folder) {
        Path data = folder.resolve("postgres");
        EmbeddedPostgresEarlyStart listener = new EmbeddedPostgresEarlyStart();
        GenericApplicationContext context = new GenericApplicationContext();
        listener.onApplicationEvent(environmentPrepared(Map.of("aftersales.embedded-db.data-dir", data.toString(),
                "spring.datasource.url", "jdbc:postgresql://db.example:5432/aftersales")));
        listener.onApplicationEvent(new ApplicationPreparedEvent(application, new String[0], context));

        assertThat(context.getBeanFactory().getBeanNamesForType(EmbeddedPostgresEarlyStart.Started.class)).isEmpty();
        assertThat(Files.exists(data)).isFalse();
    }

    private ApplicationEnvironmentPreparedEvent environmentPrepared(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        // only these settings: the test run's own database URL is a system property
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(), application, new String[0],
                environment);
    }

    private static String show(Connection connection, String setting) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("show " + setting)) {
            result.next();
            return result.getString(1);
        }
    }
}
