package dev.aftersales.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Currency;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** An ISO 4217 code of a currency that exists and has minor units ("CNY"); {@code null} is left to other rules. */
@Documented
@Constraint(validatedBy = CurrencyCode.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface CurrencyCode {

    String message() default "an ISO 4217 currency code such as CNY";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Whether the code names a currency with minor units. */
    class Validator implements ConstraintValidator<CurrencyCode, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || known(value);
        }

        public static boolean known(String code) {
            if (code == null || !code.matches("[A-Z]{3}")) {
                return false;
            }
            try {
                return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }
}
