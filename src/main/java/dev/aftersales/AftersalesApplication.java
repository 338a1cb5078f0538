package dev.aftersales;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Aftersales: the after-sales dispute desk. One application, one top-level package per business capability
 * (see the module map in docs/modules.md).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AftersalesApplication {

    public static void main(String[] args) {
        SpringApplication.run(AftersalesApplication.class, args);
    }
}
