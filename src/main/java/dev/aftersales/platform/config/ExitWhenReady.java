package dev.aftersales.platform.config;

import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * {@code --aftersales.exit-when-ready=true}: once the desk is ready (migrations, demo data and the other start-up
 * work done, readiness UP), it closes its context the ordinary way, which stops the embedded PostgreSQL, and the JVM
 * exits with the context's exit code. This is the training run of a class-data archive or AOT cache
 * (docs/operations.md#starting-fast): unlike {@code -Dspring.context.exit=onRefresh}, which halts the JVM without
 * closing anything, it leaves no PostgreSQL running on the data folder, and it trains the whole start up to
 * readiness. Read when the event comes, not as a condition, so that a build processed ahead of time honours it.
 */
@Component
class ExitWhenReady implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(ExitWhenReady.class);

    private final boolean exitWhenReady;
    private final IntConsumer exit;

    @Autowired
    ExitWhenReady(@Value("${aftersales.exit-when-ready:false}") boolean exitWhenReady) {
        this(exitWhenReady, System::exit);
    }

    ExitWhenReady(boolean exitWhenReady, IntConsumer exit) {
        this.exitWhenReady = exitWhenReady;
        this.exit = exit;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!exitWhenReady) {
            return;
        }
        log.info("Ready; stopping now, as aftersales.exit-when-ready=true asks");
        exit.accept(SpringApplication.exit(event.getApplicationContext()));
    }
}
