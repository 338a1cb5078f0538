package dev.aftersales.platform.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Reactions to committed events (the event publication registry's listeners, payment execution) run on the
 * application's task executor, after the transaction that caused them has released its connection.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfiguration {
}
