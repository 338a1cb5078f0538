package dev.aftersales.shared;

import java.time.Instant;
import java.util.List;

/**
 * Any module asks for a message to people, without knowing how it reaches them: the notifications module turns it
 * into inbox items, emails and text messages, once per (key, recipient).
 *
 * @param key         what happened, unique per occurrence (e.g. {@code "tracking-stalled:shipment:42"}); a second
 *                    event with the same key never notifies anyone again
 * @param buyerId     the buyer to tell, or {@code null}
 * @param shopId      the shop whose staff to tell, or {@code null}
 * @param messageCode the message key of the text (both languages), e.g. {@code notice.tracking-stalled}
 * @param args        the text's arguments: texts (order numbers, names) are shown as they are; times, durations,
 *                    amounts and weights go through {@code MessageArgs.instant/duration/money/grams}, so that each
 *                    reader gets them in their language and the display zone
 * @param link        the desk page the message points to for the buyer (a path such as {@code /buyer/orders/7}),
 *                    or {@code null}; sellers get {@code sellerLink}
 * @param sellerLink  the page for the shop's staff, or {@code null}
 */
public record NoticeRequested(String key, Long buyerId, Long shopId, String messageCode, List<String> args,
        String link, String sellerLink, Instant at) {
}
