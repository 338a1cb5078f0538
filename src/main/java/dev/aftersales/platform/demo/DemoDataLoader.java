package dev.aftersales.platform.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.aftersales.shared.demo.DemoDataStep;

/**
 * Loads the demo data once: each module's {@link DemoDataStep} runs in one transaction with the record that it ran,
 * so a step is either fully loaded and recorded or not at all, and a restart never loads it twice.
 */
@Component
@Profile("demo")
@Order(0)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final List<DemoDataStep> steps;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoDataLoader(List<DemoDataStep> steps, JdbcTemplate jdbc, PlatformTransactionManager transactions,
            Clock clock) {
        this.steps = steps.stream().sorted(Comparator.comparingInt(DemoDataStep::order)).toList();
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (DemoDataStep step : steps) {
            tx.executeWithoutResult(status -> {
                // the lock makes a second node starting at the same moment wait, then skip
                jdbc.execute("lock table demo_data_loads in exclusive mode");
                Integer done = jdbc.queryForObject("select count(*) from demo_data_loads where step = ?",
                        Integer.class, step.name());
                if (done != null && done > 0) {
                    return;
                }
                log.info("Loading demo data: {}", step.name());
                step.load();
                jdbc.update("insert into demo_data_loads (step, loaded_at) values (?, ?)", step.name(),
                        Timestamp.from(clock.instant()));
            });
        }
    }
}
