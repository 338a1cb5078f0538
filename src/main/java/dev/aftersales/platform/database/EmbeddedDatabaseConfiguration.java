package dev.aftersales.platform.database;

import java.io.IOException;
import java.nio.file.Path;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * With no {@code spring.datasource.url} (environment {@code SPRING_DATASOURCE_URL}) the desk runs on an embedded
 * PostgreSQL whose data lives in {@code aftersales.embedded-db.data-dir}. With one, Spring Boot's own data source
 * is used and this configuration stays out of the way. The server is usually already starting by then
 * ({@link EmbeddedPostgresEarlyStart}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(
            @Value("${aftersales.embedded-db.data-dir:.data/postgres}") Path dataDirectory,
            @Value("${aftersales.embedded-db.port:0}") int port,
            @Value("${aftersales.embedded-db.database:aftersales}") String database,
            ObjectProvider<EmbeddedPostgresEarlyStart.Started> earlyStart) throws IOException {
        EmbeddedPostgresEarlyStart.Started started = earlyStart.getIfAvailable();
        EmbeddedPostgresServer server = started == null ? null
                : started.take(EmbeddedPostgresEarlyStart.Settings.of(dataDirectory, port, database));
        return server != null ? server : EmbeddedPostgresServer.start(dataDirectory, port, database);
    }

    /** The pool takes every {@code spring.datasource.hikari.*} setting, as Spring Boot's own pool would. */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(server.username());
        dataSource.setPassword(server.password());
        dataSource.setPoolName("aftersales-embedded");
        return dataSource;
    }
}
