package dev.aftersales.platform.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on the sweeps (deadlines, payment retries, watchers). Every sweep claims its rows with
 * {@code FOR UPDATE SKIP LOCKED}, so any number of nodes may run them. Tests switch this off
 * ({@code aftersales.scheduling.enabled=false}) and run sweeps themselves with a moved clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "aftersales.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {
}
