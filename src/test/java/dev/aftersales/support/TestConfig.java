package dev.aftersales.support;

import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.task.SyncTaskExecutor;

/** The test context's clock: a {@link MutableClock} every module reads. */
@TestConfiguration(proxyBeanMethods = false)
public class TestConfig {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(Instant.now());
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
