package dev.aftersales.platform.config;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;

/**
 * Sessions in PostgreSQL (tables {@code spring_session} and {@code spring_session_attributes}), so that any node
 * serves any user. Spring Session's JDBC repository, with two changes:
 * <ul>
 * <li>an attribute is written with an upsert ({@code INSERT … ON CONFLICT DO UPDATE}): two requests of one session
 * that add the same attribute at once (a double-clicked form, both leaving a flash message) both succeed, the later
 * value wins, instead of the second failing on the primary key after its work was done;</li>
 * <li>the session row's last access is written at most once per {@code aftersales.session.touch-interval} (see
 * {@link SessionStore}), so a page view that changes nothing in the session writes nothing.</li>
 * </ul>
 * Declaring the store here replaces Spring Boot's JDBC session set-up; its {@code spring.session.timeout} and
 * {@code spring.session.jdbc.table-name} are read here.
 */
@Configuration(proxyBeanMethods = false)
@Import(JdbcHttpSessionConfiguration.class)
class SessionConfiguration {

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTable(
            @Value("${spring.session.jdbc.table-name:SPRING_SESSION}") String tableName,
            @Value("${spring.session.timeout:8h}") Duration timeout) {
        return sessions -> {
            sessions.setTableName(tableName);
            sessions.setDefaultMaxInactiveInterval(timeout);
            new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(sessions);
        };
    }

    @Bean
    @Primary
    SessionStore sessionStore(JdbcIndexedSessionRepository sessions,
            @Value("${aftersales.session.touch-interval:60s}") Duration touchInterval) {
        return new SessionStore(sessions, touchInterval);
    }
}
