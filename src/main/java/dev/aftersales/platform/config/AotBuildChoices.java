package dev.aftersales.platform.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.springframework.aot.AotDetector;
import org.springframework.aot.generate.GenerationContext;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.aot.BeanFactoryInitializationCode;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * A jar built with {@code ./mvnw -Paot package} holds Spring's ahead-of-time processing of the context: which beans
 * exist was decided at build time, by the settings the build saw, and a start with {@code -Dspring.aot.enabled=true}
 * no longer evaluates the conditions. The settings that decide which of the desk's beans exist (the database, the
 * demo profile, the sweeps, the large-data generator, the actuator endpoints) are recorded in the jar when it is
 * processed; such a start with any of them different is refused with the setting named, instead of silently running
 * the build's choice (for instance the embedded PostgreSQL although {@code SPRING_DATASOURCE_URL} is set). A start
 * without {@code -Dspring.aot.enabled=true} ignores the record and evaluates everything as usual.
 */
public final class AotBuildChoices {

    /** Where the build's choices are kept in the jar. */
    static final String RESOURCE = "META-INF/aftersales/aot-build-choices.properties";

    /** The settings that switch the desk's beans on or off, with their defaults. */
    private static final Map<String, String> DECIDING = decidingSettings();

    private AotBuildChoices() {
    }

    private static Map<String, String> decidingSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("aftersales.demo.auto", "true");
        settings.put("spring.profiles.active", "");
        settings.put("aftersales.scheduling.enabled", "true");
        settings.put("aftersales.generate.orders", "");
        settings.put("management.endpoints.web.exposure.include", "");
        return settings;
    }

    /** The choices the given settings make: the database's kind, then every deciding setting's value. */
    static Properties of(Environment environment) {
        Properties choices = new Properties();
        choices.setProperty("database",
                environment.getProperty("spring.datasource.url", "").isBlank() ? "embedded" : "external");
        DECIDING.forEach((name, fallback) ->
                choices.setProperty(name, environment.getProperty(name, fallback).strip()));
        return choices;
    }

    /** Every difference between the build's choices and these, as a sentence naming the setting; none: empty. */
    static List<String> differences(Properties build, Properties now) {
        List<String> differences = new ArrayList<>();
        for (String name : build.stringPropertyNames().stream().sorted().toList()) {
            String built = build.getProperty(name);
            String current = now.getProperty(name, "");
            if (!built.equals(current)) {
                differences.add(name.equals("database")
                        ? "the jar was processed for the " + built + " database, this start asks for the " + current
                                + " one (spring.datasource.url)"
                        : name + " is '" + current + "' now, '" + built + "' when the jar was processed");
            }
        }
        return differences;
    }

    /** Records the choices in the jar while the build processes the context ahead of time. */
    public static final class Recorder implements BeanFactoryInitializationAotProcessor {

        @Override
        public BeanFactoryInitializationAotContribution processAheadOfTime(
                ConfigurableListableBeanFactory beanFactory) {
            Properties choices = of(beanFactory.getBean(Environment.class));
            return (GenerationContext context, BeanFactoryInitializationCode code) -> {
                StringWriter text = new StringWriter();
                try {
                    choices.store(text, "the settings this jar's ahead-of-time processing was made with");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                context.getGeneratedFiles().addResourceFile(RESOURCE, text.toString());
                context.getRuntimeHints().resources().registerPattern(RESOURCE);
            };
        }
    }

    /** Refuses a start that uses the processed context with other choices than the build's. */
    public static final class Check implements EnvironmentPostProcessor, Ordered {

        @Override
        public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
            if (!AotDetector.useGeneratedArtifacts()) {
                return;
            }
            Resource resource = new ClassPathResource(RESOURCE, AotBuildChoices.class.getClassLoader());
            if (!resource.exists()) {
                return;
            }
            Properties build = new Properties();
            try (InputStream in = resource.getInputStream()) {
                build.load(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> differences = differences(build, of(environment));
            if (!differences.isEmpty()) {
                throw new IllegalStateException("This jar's ahead-of-time processing (-Dspring.aot.enabled=true) "
                        + "fixed which parts of the desk exist, and this start asks for others: "
                        + String.join("; ", differences) + ". Start without -Dspring.aot.enabled=true, or build the "
                        + "jar with these settings (docs/operations.md#starting-fast).");
            }
        }

        /** After the configuration files are read (they are an environment post-processor too). */
        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
