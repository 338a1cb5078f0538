package dev.aftersales;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every text of the desk exists in English and in Simplified Chinese: both bundles have the same keys, no value is
 * empty, and every literal message key a template uses is in both.
 */
class MessagesTests {

    /** The bundles of spring.messages.basename: one per area, so that each module keeps its own texts. */
    static final List<String> BUNDLES = List.of("messages", "notifications", "watchers", "arbitration", "risk");

    /** All bundles of one language merged; {@code suffix} is "" for English, "_zh_CN" for Chinese. */
    static Properties language(String suffix) throws IOException {
        Properties all = new Properties();
        for (String bundle : BUNDLES) {
            Properties one = load(bundle + suffix + ".properties");
            Set<String> twice = new TreeSet<>(one.stringPropertyNames());
            twice.retainAll(all.stringPropertyNames());
            assertThat(twice).as("keys of " + bundle + suffix + " also defined in another bundle").isEmpty();
            all.putAll(one);
        }
        return all;
    }

    static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTests.class.getResourceAsStream("/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyBundleIsConfigured() throws IOException {
        Properties app = new Properties();
        try (InputStream in = MessagesTests.class.getResourceAsStream("/application.properties")) {
            app.load(in);
        }
        assertThat(app.getProperty("spring.messages.basename").split(","))
                .containsExactlyElementsOf(BUNDLES.stream().map(b -> "i18n/" + b).toList());
    }

    @Test
    void englishAndChineseHaveTheSameKeys() throws IOException {
        Properties en = language("");
        Properties zh = language("_zh_CN");
        Set<String> onlyEnglish = new TreeSet<>(en.stringPropertyNames());
        onlyEnglish.removeAll(zh.stringPropertyNames());
        Set<String> onlyChinese = new TreeSet<>(zh.stringPropertyNames());
        onlyChinese.removeAll(en.stringPropertyNames());
        assertThat(onlyEnglish).as("keys missing in the Chinese bundles").isEmpty();
        assertThat(onlyChinese).as("keys missing in the English bundles").isEmpty();
        en.forEach((k, v) -> assertThat(v.toString()).as("English " + k).isNotBlank());
        zh.forEach((k, v) -> assertThat(v.toString()).as("Chinese " + k).isNotBlank());
    }

    @Test
    void everyKeyATemplateNamesExistsInBothLanguages() throws IOException {
        Properties en = language("");
        Properties zh = language("_zh_CN");
        Pattern literalKey = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.-]*[A-Za-z0-9_])(?=[}(])");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = literalKey.matcher(Files.readString(template));
                while (m.find()) {
                    String key = m.group(1);
                    if (!en.containsKey(key) || !zh.containsKey(key)) {
                        missing.add(key + " (" + template.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).as("message keys used by templates but missing in a bundle").isEmpty();
    }

    @Test
    void everyEnumValueShownOnPagesHasATextInBothLanguages() throws IOException {
        Properties en = language("");
        Properties zh = language("_zh_CN");
        Set<String> missing = new TreeSet<>();
        check(missing, en, zh, "order.status.", dev.aftersales.ordering.OrderStatus.values());
        check(missing, en, zh, "order.cancelled.", dev.aftersales.ordering.CancellationReason.values());
        check(missing, en, zh, "order.cancelled.short.", dev.aftersales.ordering.CancellationReason.values());
        check(missing, en, zh, "shipping.status.", dev.aftersales.shipping.ShipmentStatus.values());
        check(missing, en, zh, "shipping.scan.", dev.aftersales.shipping.TrackingEventKind.values());
        check(missing, en, zh, "shipping.carrier.", dev.aftersales.shipping.Carrier.values());
        check(missing, en, zh, "shipping.direction.", dev.aftersales.shipping.ShipmentDirection.values());
        check(missing, en, zh, "shipping.note.", dev.aftersales.shipping.ShipmentStatus.values());
        check(missing, en, zh, "role.", dev.aftersales.shared.Role.values());
        assertThat(missing).isEmpty();
    }

    /**
     * A message with arguments goes through {@code MessageFormat}, where a single apostrophe starts a quoted part: the
     * apostrophe vanishes and every placeholder after it is shown raw ("the agents due time, last {0} days"). Such
     * messages write an apostrophe as two.
     */
    @Test
    void aMessageWithArgumentsWritesItsApostrophesTwice() throws IOException {
        Set<String> broken = new TreeSet<>();
        Pattern placeholder = Pattern.compile("\\{\\d");
        Pattern loneApostrophe = Pattern.compile("(?<!')'(?!')");
        for (String suffix : List.of("", "_zh_CN")) {
            language(suffix).forEach((k, v) -> {
                String text = v.toString();
                if (placeholder.matcher(text).find() && loneApostrophe.matcher(text).find()) {
                    broken.add(k + suffix + " = " + text);
                }
            });
        }
        assertThat(broken).as("messages with a placeholder and a single apostrophe").isEmpty();
    }

    /**
     * The policy page names every setting, says in one line what it does, and gives its unit (a duration names its
     * own, an amount is in yuan, a number has a unit of its own), in both languages: a setting someone adds to the
     * policy or the risk thresholds is never shown by its property key.
     */
    @Test
    void everySettingOnThePolicyPageHasANameAnExplanationAndAUnit() throws IOException {
        Properties en = language("");
        Properties zh = language("_zh_CN");
        Set<String> missing = new TreeSet<>();
        for (var settings : List.<Class<? extends Record>>of(dev.aftersales.catalog.PolicyDefaults.class,
                dev.aftersales.risk.internal.RiskSettings.class)) {
            String prefix = settings == dev.aftersales.risk.internal.RiskSettings.class ? "risk.threshold."
                    : "risk.policy.field.";
            for (var component : settings.getRecordComponents()) {
                String name = component.getName();
                var kind = dev.aftersales.shared.RecordSettings.kindOf(name, component.getType());
                assertThat(kind).as(settings.getSimpleName() + "." + name + " is a setting the page can change")
                        .isNotNull();
                List<String> keys = new java.util.ArrayList<>(List.of(prefix + name, prefix + name + ".help"));
                keys.add(kind == dev.aftersales.shared.RecordSettings.Kind.NUMBER ? prefix + name + ".unit"
                        : "risk.policy.help." + kind.name());
                for (String key : keys) {
                    if (!en.containsKey(key) || !zh.containsKey(key)) {
                        missing.add(key);
                    }
                }
            }
        }
        assertThat(missing).as("names, explanations and units of settings").isEmpty();
    }

    static void check(Set<String> missing, Properties en, Properties zh, String prefix, Enum<?>[] values) {
        for (Enum<?> value : values) {
            String key = prefix + value.name();
            if (!en.containsKey(key) || !zh.containsKey(key)) {
                missing.add(key);
            }
        }
    }
}
