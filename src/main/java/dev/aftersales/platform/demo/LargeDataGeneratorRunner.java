package dev.aftersales.platform.demo;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code --aftersales.generate.orders=N} on the command line: after start-up (and the demo data, if any), writes N
 * generated orders with their claims with {@link LargeDataGenerator}, logging progress, scores the generated buyers,
 * then stops the application unless {@code --aftersales.generate.exit=false}. With
 * {@code --aftersales.generate.accounts=true} the generated buyer, seller and agents can sign in (password
 * {@code demo}). See docs/demo-data.md#large-data.
 */
@Component
@ConditionalOnProperty("aftersales.generate.orders")
@Order(100)
class LargeDataGeneratorRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LargeDataGeneratorRunner.class);

    private final LargeDataGenerator generator;
    private final Environment environment;
    private final ConfigurableApplicationContext context;

    LargeDataGeneratorRunner(LargeDataGenerator generator, Environment environment,
            ConfigurableApplicationContext context) {
        this.generator = generator;
        this.environment = environment;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        long orders = environment.getRequiredProperty("aftersales.generate.orders", Long.class);
        boolean accounts = environment.getProperty("aftersales.generate.accounts", Boolean.class, false);
        Instant started = Instant.now();
        log.info("Generating {} orders with lines, parcels, scans and claims{}", orders,
                accounts ? "; gen-buyer, gen-seller, gen-agent and gen-agent2 can sign in" : "");
        LargeDataGenerator.Range range = generator.generate(orders, accounts, done -> {
            Duration elapsed = Duration.between(started, Instant.now());
            double perSecond = done * 1000.0 / Math.max(1, elapsed.toMillis());
            long remaining = (long) ((orders - done) / Math.max(1, perSecond));
            log.info("Generated {} of {} orders ({}%), {} orders/s, about {} s to go", done, orders,
                    done * 100 / orders, Math.round(perSecond), remaining);
        });
        log.info("Generated orders {} to {} in {} s; scoring the generated buyers",
                LargeDataGenerator.Range.orderNumber(range.from()), LargeDataGenerator.Range.orderNumber(range.to()),
                Duration.between(started, Instant.now()).toSeconds());
        int scored = generator.scoreBuyers(done -> log.info("Scored {} buyers", done));
        log.info("Scored {} buyers; done in {} s: {}", scored, Duration.between(started, Instant.now()).toSeconds(),
                generator.counts(range));
        if (environment.getProperty("aftersales.generate.exit", Boolean.class, true)) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }
}
