package dev.aftersales.claims;

import java.util.List;
import java.util.Map;

import dev.aftersales.claims.internal.ClaimMessage;

/**
 * The placeholders of saved replies and automatic replies, filled from the claim they answer: {@code {buyer}},
 * {@code {order}}, {@code {claim}}, {@code {amount}} (what the buyer asked for), {@code {shop}}.
 */
public final class ReplyPlaceholders {

    public static final List<String> NAMES = List.of("{buyer}", "{order}", "{claim}", "{amount}", "{shop}");

    private ReplyPlaceholders() {
    }

    /** The text with its placeholders filled, cut to a message's length. */
    static String fill(String template, String buyer, String order, String claim, String amount, String shop) {
        String text = template;
        for (var placeholder : Map.of("{buyer}", buyer, "{order}", order, "{claim}", claim, "{amount}", amount,
                "{shop}", shop).entrySet()) {
            text = text.replace(placeholder.getKey(), placeholder.getValue() == null ? "" : placeholder.getValue());
        }
        return text.length() > ClaimMessage.MAX_LENGTH ? text.substring(0, ClaimMessage.MAX_LENGTH) : text;
    }
}
