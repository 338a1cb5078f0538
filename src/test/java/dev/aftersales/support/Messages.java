package dev.aftersales.support;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The desk's real texts (both languages) for unit tests that put messages into words without a Spring context. */
public final class Messages {

    /** The bundles of {@code spring.messages.basename}, in its order. */
    public static final List<String> BUNDLES = List.of("messages", "notifications", "watchers", "arbitration", "risk");

    private Messages() {
    }

    /** A message source configured as the application's (UTF-8, no fall-back to the machine's language). */
    public static MessageSource real() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(BUNDLES.stream().map(b -> "i18n/" + b).toArray(String[]::new));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
