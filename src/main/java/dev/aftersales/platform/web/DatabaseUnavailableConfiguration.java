package dev.aftersales.platform.web;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ViewResolver;

/** Puts {@link DatabaseUnavailableFilter} right after the request id, outside the session and security filters. */
@Configuration(proxyBeanMethods = false)
class DatabaseUnavailableConfiguration {

    @Bean
    FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(
            @Qualifier("thymeleafViewResolver") ViewResolver views, LocaleResolver locales, Clock clock,
            @Value("${aftersales.database.request-timeout:5s}") Duration deadline) {
        FilterRegistrationBean<DatabaseUnavailableFilter> registration = new FilterRegistrationBean<>(
                new DatabaseUnavailableFilter(views, locales, clock, deadline));
        // after RequestIdFilter (HIGHEST_PRECEDENCE), before Spring Session (HIGHEST_PRECEDENCE + 50)
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
