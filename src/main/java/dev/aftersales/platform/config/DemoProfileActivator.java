package dev.aftersales.platform.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Turns on the {@code demo} profile (demo accounts and data) when the desk runs on its embedded database, that is
 * when no {@code spring.datasource.url} is given. With an external database the demo profile is only on when asked
 * for ({@code SPRING_PROFILES_ACTIVE=demo}); {@code aftersales.demo.auto=false} keeps it off on the embedded one.
 */
public class DemoProfileActivator implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url", "");
        boolean auto = environment.getProperty("aftersales.demo.auto", Boolean.class, true);
        if (url.isBlank() && auto && !environment.matchesProfiles("demo")) {
            environment.addActiveProfile("demo");
        }
    }
}
