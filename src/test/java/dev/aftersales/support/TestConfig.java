package dev.aftersales.support;

import java.time.Instant;
import java.util.Map;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The test context's clock: a {@link MutableClock} every module reads. */
@TestConfiguration(proxyBeanMethods = false)
public class TestConfig {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(Instant.now());
    }

    /**
     * Passwords hashed and checked with bcrypt, as in production, at bcrypt's lowest cost (4, 16 rounds) instead of
     * the desk's (10, 1,024 rounds). The suite creates thousands of accounts and signs in thousands of times; at the
     * desk's cost, bcrypt was a quarter of the test thread's CPU. The hashes keep the production format
     * ({@code {bcrypt}$2a$04$…}), so every check of what a sign-in compares still holds.
     */
    @Bean
    @Primary
    PasswordEncoder cheapBcryptPasswordEncoder() {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4)));
    }

    /** Lets the run close this context before it stops the database (see {@link TestDatabase#stop()}). */
    @Bean
    Object closeBeforeTheDatabaseStops(ConfigurableApplicationContext context) {
        TestDatabase.closeBeforeStopping(context);
        return Boolean.TRUE;
    }

    /** Counts each thread's SQL statements, for the tests that keep list pages from growing per row. */
    @Bean
    static SqlStatementCounter sqlStatementCounter() {
        return new SqlStatementCounter();
    }

    /**
     * Reactions to events (@ApplicationModuleListener) run in the publishing thread right after its transaction
     * commits, so a test sees their effect when the call returns, without waiting. In production they run on the
     * application's task executor.
     */
    @Bean(name = { "taskExecutor", "applicationTaskExecutor" })
    SyncTaskExecutor taskExecutor() {
        return new SyncTaskExecutor();
    }
}
