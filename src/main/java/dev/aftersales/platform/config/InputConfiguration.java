package dev.aftersales.platform.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.aftersales.shared.web.InputText;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The integration API reads its JSON strings through the same text rule as the pages' form fields
 * ({@link InputText#clean}): NUL and other control characters are removed wherever a string is read.
 */
@Configuration(proxyBeanMethods = false)
class InputConfiguration {

    @Bean
    JacksonModule cleanStrings() {
        SimpleModule module = new SimpleModule("aftersales-clean-strings");
        module.addDeserializer(String.class, new CleanStringDeserializer());
        return module;
    }

    /** Jackson's own string reading, then the text rule. */
    static final class CleanStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            return InputText.clean(super.deserialize(parser, context));
        }
    }
}
