package dev.aftersales.webhooks.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.aftersales.shared.Sweep;
import dev.aftersales.shared.SweepSettings;

/**
 * Posts the due deliveries (docs/webhooks.md#retries). Walks them in batches by (next attempt, id) from the partial
 * index {@code webhook_deliveries_due_idx}; each attempt runs in its own transaction that holds the delivery's row
 * ({@code FOR UPDATE SKIP LOCKED}) while it posts, so a delivery being sent by another thread or node is skipped and
 * one attempt is never made twice. A delivery is held back while an earlier delivery of the same claim to the same
 * endpoint is still pending, so a receiver gets one claim's events in order.
 * <p>
 * A 2xx answer marks it DELIVERED; anything else (another status, a refused connection, a timeout) records the
 * status and the start of the answer, and the next attempt after a doubling wait, until {@code retry-for} after
 * the event: the attempt made then is the last, and a failure marks it FAILED. At least once: a node stopping
 * between the receiver's answer and the commit leaves it PENDING, and it is sent again under the same delivery id.
 */
@Component
public class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    static final String DUE = """
            select d.id, d.next_attempt_at from webhook_deliveries d
            join webhook_endpoints e on e.id = d.endpoint_id
            where d.status = 'PENDING' and d.next_attempt_at <= :now and e.active
              and d.next_attempt_at >= :afterAt and (d.next_attempt_at, d.id) > (:afterAt, :afterId)
              and not exists (select 1 from webhook_deliveries p
                              where p.endpoint_id = d.endpoint_id and p.ordering_key = d.ordering_key
                                and p.status = 'PENDING' and p.id < d.id)
            order by d.next_attempt_at, d.id limit :limit""";

    private final JdbcClient jdbc;
    private final TransactionTemplate newTransaction;
    private final WebhookSettings settings;
    private final SweepSettings sweeps;
    private final Clock clock;
    private final HttpClient http;

    WebhookSender(JdbcClient jdbc, PlatformTransactionManager transactions, WebhookSettings settings,
            SweepSettings sweeps, Clock clock) {
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.settings = settings;
        this.sweeps = sweeps;
        this.clock = clock;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.getConnectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Sends what is due. A delivery that gets through is followed at once by the next due one of its claim to the
     * same endpoint (which the due list could not hold yet, since it waited for this one).
     *
     * @return how many deliveries were delivered in this pass
     */
    public int sendDue() {
        Instant now = clock.instant();
        AtomicInteger delivered = new AtomicInteger();
        Sweep.run("Webhook sender", sweeps, (Due after, Integer limit) -> due(now, after, limit), due -> {
            boolean any = false;
            Long next = due.deliveryId();
            while (next != null && attempt(next)) {
                any = true;
                delivered.incrementAndGet();
                next = nextInLine(next, now);
            }
            return any;
        });
        return delivered.get();
    }

    /** The next pending delivery of the same claim to the same endpoint, if it is due. */
    private Long nextInLine(long deliveredId, Instant now) {
        return jdbc.sql("""
                select n.id, n.next_attempt_at from webhook_deliveries d
                join webhook_deliveries n on n.endpoint_id = d.endpoint_id and n.ordering_key = d.ordering_key
                where d.id = :id and n.status = 'PENDING' and n.id > d.id
                order by n.id limit 1""").param("id", deliveredId)
                .query((rs, i) -> new Due(rs.getLong(1), rs.getTimestamp(2).toInstant())).optional()
                .filter(n -> !n.nextAttemptAt().isAfter(now)).map(Due::deliveryId).orElse(null);
    }

    List<Due> due(Instant now, Due after, int limit) {
        return jdbc.sql(DUE).param("now", Timestamp.from(now))
                .param("afterAt", Timestamp.from(after == null ? Instant.EPOCH : after.nextAttemptAt()))
                .param("afterId", after == null ? 0L : after.deliveryId()).param("limit", limit)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getTimestamp(2).toInstant())).list();
    }

    /** Makes the delivery's due attempt, unless another sender has it or it is not due. @return whether delivered */
    boolean attempt(long deliveryId) {
        return Boolean.TRUE.equals(newTransaction.execute(tx -> {
            Instant now = clock.instant();
            Optional<Pending> locked = jdbc.sql("""
                    select d.id, d.delivery_id, d.event_type, d.body, d.attempts, d.give_up_at, e.url, e.secret
                    from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id
                    where d.id = :id and d.status = 'PENDING' and d.next_attempt_at <= :now and e.active
                      and not exists (select 1 from webhook_deliveries p
                                      where p.endpoint_id = d.endpoint_id and p.ordering_key = d.ordering_key
                                        and p.status = 'PENDING' and p.id < d.id)
                    for update of d skip locked""")
                    .param("id", deliveryId).param("now", Timestamp.from(now))
                    .query((rs, n) -> new Pending(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getInt(5), rs.getTimestamp(6).toInstant(), rs.getString(7),
                            rs.getString(8)))
                    .optional();
            if (locked.isEmpty()) {
                return false;
            }
            Pending delivery = locked.get();
            Answer answer = post(delivery, now);
            Instant done = clock.instant();
            int attempts = delivery.attempts() + 1;
            if (answer.delivered()) {
                jdbc.sql("""
                        update webhook_deliveries set status = 'DELIVERED', attempts = :attempts,
                          last_attempt_at = :at, delivered_at = :done, next_attempt_at = null,
                          last_status_code = :code, last_response = :response where id = :id""")
                        .param("attempts", attempts).param("at", Timestamp.from(now))
                        .param("done", Timestamp.from(done)).param("code", answer.status())
                        .param("response", answer.text()).param("id", delivery.id()).update();
                return true;
            }
            boolean giveUp = !now.isBefore(delivery.giveUpAt());
            Instant next = now.plus(settings.backoffAfter(attempts));
            if (next.isAfter(delivery.giveUpAt())) {
                next = delivery.giveUpAt();
            }
            log.warn("Webhook delivery {} to {} failed, attempt {}{}: {} {}", delivery.deliveryId(), delivery.url(),
                    attempts, giveUp ? ", giving up" : "", answer.status(),
                    answer.text().length() > 200 ? answer.text().substring(0, 200) + "…" : answer.text());
            jdbc.sql("""
                    update webhook_deliveries set status = :status, attempts = :attempts, last_attempt_at = :at,
                      next_attempt_at = :next, last_status_code = :code, last_response = :response
                    where id = :id""")
                    .param("status", giveUp ? "FAILED" : "PENDING").param("attempts", attempts)
                    .param("at", Timestamp.from(now)).param("next", giveUp ? null : Timestamp.from(next))
                    .param("code", answer.status()).param("response", answer.text())
                    .param("id", delivery.id()).update();
            return false;
        }));
    }

    private Answer post(Pending delivery, Instant now) {
        long timestamp = now.getEpochSecond();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(settings.getReadTimeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Aftersales-Webhooks/1")
                    .header(WebhookSignature.DELIVERY_HEADER, delivery.deliveryId().toString())
                    .header(WebhookSignature.EVENT_HEADER, delivery.type())
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER,
                            WebhookSignature.sign(delivery.secret(), timestamp, delivery.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8)).build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String text;
            try (InputStream in = response.body()) {
                text = new String(in.readNBytes(4 * settings.getKeptResponseChars()), StandardCharsets.UTF_8);
            }
            int status = response.statusCode();
            return new Answer(status >= 200 && status < 300, status, kept(text));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(false, null, kept(e.toString()));
        } catch (IOException | RuntimeException e) {
            return new Answer(false, null, kept(e.toString()));
        }
    }

    private String kept(String text) {
        int max = settings.getKeptResponseChars();
        String clean = text.replace('\u0000', ' ');
        if (clean.length() <= max) {
            return clean;
        }
        int end = Character.isHighSurrogate(clean.charAt(max - 1)) ? max - 1 : max;
        return clean.substring(0, end);
    }

    @Scheduled(fixedDelayString = "${aftersales.webhooks.send-interval:10s}", initialDelayString = "35s")
    void scheduled() {
        int delivered = sendDue();
        if (delivered > 0) {
            log.info("Delivered {} webhook events", delivered);
        }
    }

    /** A delivery whose attempt is due. */
    record Due(long deliveryId, Instant nextAttemptAt) {
    }

    private record Pending(long id, UUID deliveryId, String type, String body, int attempts, Instant giveUpAt,
            String url, String secret) {
    }

    private record Answer(boolean delivered, Integer status, String text) {
    }
}
