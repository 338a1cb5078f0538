package dev.aftersales.platform.web;

import java.math.BigDecimal;

import org.springframework.beans.propertyeditors.CustomNumberEditor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import dev.aftersales.shared.web.InputLimits;

/**
 * How every form field and request parameter becomes a number: text longer than a number can be is refused as "not
 * a valid value" before it is read (no typed number of a million digits costs more than its length), the rest as
 * Spring reads it. A refused number is a field error ({@code typeMismatch}) next to its field.
 */
@ControllerAdvice
class FormBindingAdvice {

    @InitBinder
    void boundedNumbers(WebDataBinder binder) {
        binder.registerCustomEditor(Integer.class, new BoundedNumberEditor(Integer.class, true, InputLimits.NUMBER_CHARS));
        binder.registerCustomEditor(int.class, new BoundedNumberEditor(Integer.class, false, InputLimits.NUMBER_CHARS));
        binder.registerCustomEditor(Long.class, new BoundedNumberEditor(Long.class, true, InputLimits.NUMBER_CHARS));
        binder.registerCustomEditor(long.class, new BoundedNumberEditor(Long.class, false, InputLimits.NUMBER_CHARS));
        binder.registerCustomEditor(BigDecimal.class,
                new BoundedNumberEditor(BigDecimal.class, true, InputLimits.AMOUNT_CHARS));
    }

    /** A number editor that refuses text longer than {@code maxChars} before reading it. */
    static final class BoundedNumberEditor extends CustomNumberEditor {

        private final int maxChars;

        BoundedNumberEditor(Class<? extends Number> type, boolean allowEmpty, int maxChars) {
            super(type, allowEmpty);
            this.maxChars = maxChars;
        }

        @Override
        public void setAsText(String text) throws IllegalArgumentException {
            if (text != null && text.strip().length() > maxChars) {
                throw new IllegalArgumentException("More than " + maxChars + " characters for a number");
            }
            super.setAsText(text == null ? null : text.strip());
        }
    }
}
