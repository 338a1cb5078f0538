package dev.aftersales.webhooks.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.ObjectMapper;

/**
 * Writes deliveries: one per (event, matching active endpoint), idempotently (a second run of an event's listener
 * writes nothing), and redeliveries of finished ones. The body is fixed when the delivery is written, so every
 * attempt sends the same bytes.
 */
@Component
class WebhookOutbox {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final WebhookSettings settings;
    private final Clock clock;

    WebhookOutbox(JdbcClient jdbc, ObjectMapper json, WebhookSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Whether an active endpoint wants events of this type of this shop: the listeners ask first, so that an event
     * no endpoint wants costs one query and no look-ups.
     */
    @Transactional(readOnly = true)
    public boolean wanted(long shopId, WebhookEventType type) {
        return !matching(shopId, type).isEmpty();
    }

    private List<Long> matching(long shopId, WebhookEventType type) {
        return jdbc.sql("""
                select id, event_types from webhook_endpoints
                where active and (shop_id = :shop or shop_id is null) order by id""")
                .param("shop", shopId)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .filter(e -> WebhookEndpoint.decode(e.getValue()).contains(type)).map(Map.Entry::getKey).toList();
    }

    /** @return how many deliveries were written (0: no endpoint wants it, or written before) */
    @Transactional
    public int enqueue(WebhookEvent event) {
        List<Long> matching = matching(event.shopId(), event.type());
        if (matching.isEmpty()) {
            return 0;
        }
        // one claim's deliveries are written one transaction after the other, so their ids follow the events
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", "webhooks:" + event.orderingKey())
                .query((rs, n) -> 1).list();
        Instant now = clock.instant();
        int written = 0;
        for (long endpoint : matching) {
            UUID id = UUID.randomUUID();
            written += jdbc.sql("""
                    insert into webhook_deliveries (delivery_id, endpoint_id, event_key, event_type, shop_id,
                      ordering_key, body, status, attempts, created_at, give_up_at, next_attempt_at)
                    values (:id, :endpoint, :key, :type, :shop, :ordering, :body, 'PENDING', 0, :now, :giveUp, :now)
                    on conflict (endpoint_id, event_key) where redelivery_of is null do nothing""")
                    .param("id", id).param("endpoint", endpoint).param("key", event.key())
                    .param("type", event.type().wireName()).param("shop", event.shopId())
                    .param("ordering", event.orderingKey())
                    .param("body", body(id, event.type().wireName(), event.occurredAt(), event.shopId(),
                            event.data(), null))
                    .param("now", Timestamp.from(now))
                    .param("giveUp", Timestamp.from(now.plus(settings.getRetryFor()))).update();
        }
        return written;
    }

    /**
     * A new delivery of a delivered or failed one: the same event under a new delivery id (receivers that drop
     * repeated ids take it), naming the original in {@code redeliveryOf}, tried again for {@code retry-for}.
     *
     * @return the new delivery's row id
     */
    long redeliver(long deliveryRowId) {
        Original original = jdbc.sql("""
                select id, delivery_id, endpoint_id, event_key, event_type, shop_id, ordering_key, body
                from webhook_deliveries where id = :id""").param("id", deliveryRowId)
                .query((rs, n) -> new Original(rs.getLong(1), rs.getObject(2, UUID.class), rs.getLong(3),
                        rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8)))
                .single();
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = json.readValue(original.body(), LinkedHashMap.class);
        UUID id = UUID.randomUUID();
        @SuppressWarnings("unchecked")
        String body = body(id, original.type(), Instant.parse(String.valueOf(parsed.get("occurredAt"))),
                original.shopId(), (Map<String, Object>) parsed.get("data"), original.deliveryId());
        Instant now = clock.instant();
        return jdbc.sql("""
                insert into webhook_deliveries (delivery_id, endpoint_id, event_key, event_type, shop_id,
                  ordering_key, body, status, attempts, created_at, give_up_at, next_attempt_at, redelivery_of)
                values (:id, :endpoint, :key, :type, :shop, :ordering, :body, 'PENDING', 0, :now, :giveUp, :now,
                  :original)
                returning id""")
                .param("id", id).param("endpoint", original.endpointId()).param("key", original.key())
                .param("type", original.type()).param("shop", original.shopId())
                .param("ordering", original.orderingKey()).param("body", body)
                .param("now", Timestamp.from(now)).param("giveUp", Timestamp.from(now.plus(settings.getRetryFor())))
                .param("original", original.id()).query(Long.class).single();
    }

    private String body(UUID id, String type, Instant occurredAt, long shopId, Map<String, Object> data,
            UUID redeliveryOf) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id.toString());
        body.put("type", type);
        body.put("occurredAt", occurredAt.toString());
        body.put("shopId", shopId);
        if (redeliveryOf != null) {
            body.put("redeliveryOf", redeliveryOf.toString());
        }
        body.put("data", data);
        return json.writeValueAsString(body);
    }

    private record Original(long id, UUID deliveryId, long endpointId, String key, String type, long shopId,
            String orderingKey, String body) {
    }
}
