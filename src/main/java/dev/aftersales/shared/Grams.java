package dev.aftersales.shared;

/**
 * A weight in whole grams as a message argument: a plain number could be a count, so a weight that a text shows is
 * passed as {@code Grams} and formatted with its unit and grouping ("3,021 g", "3,021 克").
 */
public record Grams(int value) {
}
