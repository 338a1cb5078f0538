package dev.aftersales.platform.database;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Gives requests their database deadline (see {@link RequestDeadline}). */
@Configuration(proxyBeanMethods = false)
class RequestDeadlineConfiguration {

    @Bean
    static RequestDeadline.Wrapper requestDeadlineDataSourceWrapper() {
        return new RequestDeadline.Wrapper();
    }
}
