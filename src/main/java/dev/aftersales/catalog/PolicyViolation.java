package dev.aftersales.catalog;

import dev.aftersales.shared.Refusal;

/**
 * A shop promise that was refused because it would be looser toward buyers than the platform policy.
 *
 * @param field      the form field
 * @param messageKey the message explaining the allowed range
 * @param args       the message's arguments
 */
public record PolicyViolation(String field, String messageKey, Object... args) implements Refusal {
}
