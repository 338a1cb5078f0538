package dev.aftersales.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A moment the desk can keep and reason about: from {@link #EARLIEST} to {@link #LATEST} (both included). Times
 * outside (year 1, year 300000) are refused at the boundary, never handed to the database or to deadline arithmetic.
 */
@Documented
@Constraint(validatedBy = SaneInstant.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface SaneInstant {

    Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    String message() default "must be a time between 2000-01-01T00:00:00Z and 2100-01-01T00:00:00Z";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the range; {@code null} is left to {@code @NotNull}. */
    class Validator implements ConstraintValidator<SaneInstant, Instant> {

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || !value.isBefore(EARLIEST) && !value.isAfter(LATEST);
        }
    }
}
