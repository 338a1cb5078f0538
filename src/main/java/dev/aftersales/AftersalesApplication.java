package dev.aftersales;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Aftersales: the after-sales dispute desk. One application, one top-level package per business capability
 * (see the module map in docs/modules.md).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AftersalesApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(AftersalesApplication.class);
        // -Daftersales.startup-steps=true records Spring's start-up steps for /actuator/startup (admins only, once
        // the endpoint is exposed): where a start spends its time, see docs/performance.md#start-up-and-memory
        if (Boolean.getBoolean("aftersales.startup-steps")) {
            application.setApplicationStartup(new BufferingApplicationStartup(20_000));
        }
        application.run(args);
    }
}
