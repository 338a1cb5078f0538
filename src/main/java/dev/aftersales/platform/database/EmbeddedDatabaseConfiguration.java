package dev.aftersales.platform.database;

import java.io.IOException;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * With no {@code spring.datasource.url} (environment {@code SPRING_DATASOURCE_URL}) the desk runs on an embedded
 * PostgreSQL whose data lives in {@code aftersales.embedded-db.data-dir}. With one, Spring Boot's own data source
 * is used and this configuration stays out of the way.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(
            @Value("${aftersales.embedded-db.data-dir:.data/postgres}") Path dataDirectory,
            @Value("${aftersales.embedded-db.port:0}") int port,
            @Value("${aftersales.embedded-db.database:aftersales}") String database) throws IOException {
        return EmbeddedPostgresServer.start(dataDirectory, port, database);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgresServer server,
            @Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(server.username());
        config.setPassword(server.password());
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("aftersales-embedded");
        return new HikariDataSource(config);
    }
}
