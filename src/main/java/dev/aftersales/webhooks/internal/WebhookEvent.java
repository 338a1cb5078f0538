package dev.aftersales.webhooks.internal;

import java.time.Instant;
import java.util.Map;

/**
 * One event as it is sent to every endpoint that subscribed to its type.
 *
 * @param key         unique per occurrence: the event's listener may run again (the registry resubmits it), and the
 *                    same key writes no second delivery to an endpoint
 * @param type        what happened
 * @param shopId      the shop it concerns (its endpoints and the platform's receive it)
 * @param orderingKey the deliveries of one key go to one endpoint in order ({@code claim:42}, {@code order:7})
 * @param occurredAt  when it happened
 * @param data        the payload's {@code data} object, in the order its fields are written
 */
record WebhookEvent(String key, WebhookEventType type, long shopId, String orderingKey, Instant occurredAt,
        Map<String, Object> data) {
}
