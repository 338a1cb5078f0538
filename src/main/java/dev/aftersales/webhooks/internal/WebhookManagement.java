package dev.aftersales.webhooks.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.NotFound;
import dev.aftersales.shared.Role;

/**
 * Endpoints and their deliveries, as their owners see them: a seller those of its shop, an admin the platform's.
 * Anything of another owner is "not found".
 */
@Service
@Transactional
public class WebhookManagement {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The longest address kept. */
    public static final int MAX_URL = 500;

    /** The most deliveries one page of an endpoint's deliveries shows. */
    public static final int PAGE = 50;

    private final WebhookEndpointRepository endpoints;
    private final WebhookOutbox outbox;
    private final JdbcClient jdbc;
    private final Clock clock;

    WebhookManagement(WebhookEndpointRepository endpoints, WebhookOutbox outbox, JdbcClient jdbc, Clock clock) {
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whose endpoints the user manages: the seller's shop, or (admins) the platform's ({@code null}). */
    static Long scopeOf(CurrentUser user) {
        if (user.role() == Role.SELLER && user.shopId() != null) {
            return user.shopId();
        }
        if (user.role() == Role.ADMIN) {
            return null;
        }
        throw new NotFound("Webhook endpoints of", user.username());
    }

    /**
     * Registers an endpoint for the user's shop (or, for an admin, the platform); its secret is in the answer and
     * shown once.
     *
     * @throws InvalidEndpoint when the address or the choice of events is refused
     */
    public IssuedSecret register(CurrentUser user, String url, Collection<String> eventTypes) {
        Long scope = scopeOf(user);
        List<InvalidEndpoint.Reason> refused = new ArrayList<>();
        String checked = null;
        Set<WebhookEventType> types = null;
        try {
            checked = checkUrl(url);
        } catch (InvalidEndpoint e) {
            refused.addAll(e.reasons());
        }
        try {
            types = checkTypes(eventTypes);
        } catch (InvalidEndpoint e) {
            refused.addAll(e.reasons());
        }
        if (!refused.isEmpty()) {
            throw new InvalidEndpoint(refused);
        }
        String secret = newSecret();
        WebhookEndpoint endpoint = endpoints.save(new WebhookEndpoint(scope, checked, types, secret,
                user.accountId(), clock.instant()));
        return new IssuedSecret(endpoint.id(), endpoint.url(), secret);
    }

    /** A new secret for the endpoint, shown once; the old one signs nothing from now on. */
    public IssuedSecret rotate(CurrentUser user, long endpointId) {
        WebhookEndpoint endpoint = owned(user, endpointId);
        String secret = newSecret();
        endpoint.rotate(secret, clock.instant());
        return new IssuedSecret(endpoint.id(), endpoint.url(), secret);
    }

    /** Disables (keeps, sends nothing, pending deliveries wait) or enables it again. */
    public void activate(CurrentUser user, long endpointId, boolean active) {
        owned(user, endpointId).activate(active, clock.instant());
    }

    /** The user's endpoints, newest first, each with its newest deliveries. */
    @Transactional(readOnly = true)
    public List<EndpointView> endpoints(CurrentUser user, int recent) {
        Long scope = scopeOf(user);
        List<WebhookEndpoint> list = scope == null ? endpoints.findByShopIdIsNullOrderByIdDesc()
                : endpoints.findByShopIdOrderByIdDesc(scope);
        Map<Long, List<DeliveryView>> deliveries = new LinkedHashMap<>();
        if (!list.isEmpty()) {
            jdbc.sql("""
                    select r.* from webhook_endpoints e
                    cross join lateral (select * from webhook_deliveries d where d.endpoint_id = e.id
                                        order by d.id desc limit :recent) r
                    where e.id in (:ids)
                    order by r.endpoint_id, r.id desc""")
                    .param("ids", list.stream().map(WebhookEndpoint::id).toList())
                    .param("recent", recent)
                    .query((rs, n) -> DeliveryView.of(rs)).list()
                    .forEach(d -> deliveries.computeIfAbsent(d.endpointId(), k -> new ArrayList<>()).add(d));
        }
        return list.stream().map(e -> view(e, deliveries.getOrDefault(e.id(), List.of()))).toList();
    }

    /** One of the user's endpoints. */
    @Transactional(readOnly = true)
    public EndpointView endpoint(CurrentUser user, long endpointId) {
        return view(owned(user, endpointId), List.of());
    }

    /** An endpoint's deliveries, newest first, {@link #PAGE} at a time, older than {@code beforeId} when given. */
    @Transactional(readOnly = true)
    public List<DeliveryView> deliveries(CurrentUser user, long endpointId, Long beforeId) {
        owned(user, endpointId);
        return jdbc.sql("""
                select * from webhook_deliveries where endpoint_id = :endpoint and id < :before
                order by id desc limit :limit""")
                .param("endpoint", endpointId).param("before", beforeId == null ? Long.MAX_VALUE : beforeId)
                .param("limit", PAGE).query((rs, n) -> DeliveryView.of(rs)).list();
    }

    /**
     * Queues a new delivery of a delivered or failed one of the user's endpoints.
     *
     * @return the new delivery's row id
     * @throws RedeliveryRefused while the delivery is still pending
     */
    public long redeliver(CurrentUser user, long deliveryRowId) {
        Long scope = scopeOf(user);
        Map.Entry<Long, String> row = jdbc.sql("""
                select d.endpoint_id, d.status from webhook_deliveries d
                join webhook_endpoints e on e.id = d.endpoint_id
                where d.id = :id and e.shop_id is not distinct from :scope""")
                .param("id", deliveryRowId).param("scope", scope)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).optional()
                .orElseThrow(() -> new NotFound("Webhook delivery", deliveryRowId));
        if ("PENDING".equals(row.getValue())) {
            throw new RedeliveryRefused();
        }
        return outbox.redeliver(deliveryRowId);
    }

    /**
     * Whether a delivery received at {@code url} carries the signature of an active endpoint registered with that
     * address, with a timestamp within {@code toleranceSeconds} of now: the check a receiver makes, for the demo's
     * own receiver, which may not hold the secret itself.
     */
    @Transactional(readOnly = true)
    public boolean signedForEndpointAt(String url, String timestamp, String body, String signature,
            long toleranceSeconds) {
        long now = clock.instant().getEpochSecond();
        return jdbc.sql("select secret from webhook_endpoints where url = :url and active").param("url", url)
                .query(String.class).list().stream()
                .anyMatch(secret -> WebhookSignature.verify(secret, timestamp, body, signature, now,
                        toleranceSeconds));
    }

    private WebhookEndpoint owned(CurrentUser user, long endpointId) {
        Long scope = scopeOf(user);
        return endpoints.findById(endpointId).filter(e -> Objects.equals(e.shopId(), scope))
                .orElseThrow(() -> new NotFound("Webhook endpoint", endpointId));
    }

    private static EndpointView view(WebhookEndpoint e, List<DeliveryView> recent) {
        return new EndpointView(e.id(), e.shopId(), e.url(),
                e.eventTypes().stream().map(WebhookEventType::wireName).toList(), e.secretPrefix(), e.active(),
                e.createdAt(), e.secretRotatedAt(), recent);
    }

    /**
     * The address rule (docs/webhooks.md#addresses): {@code https://} with a host; plain {@code http://} only to
     * {@code localhost} or {@code 127.0.0.1}; no user name or password in it, no fragment; at most
     * {@link #MAX_URL} characters.
     */
    static String checkUrl(String url) {
        String text = url == null ? "" : url.strip();
        if (text.isEmpty()) {
            throw new InvalidEndpoint("url", "webhooks.error.url.required");
        }
        if (text.length() > MAX_URL) {
            throw new InvalidEndpoint("url", "webhooks.error.url.length");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidEndpoint("url", "webhooks.error.url.format");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || host.isEmpty() || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new InvalidEndpoint("url", "webhooks.error.url.format");
        }
        if (scheme.equals("http") && !(host.equals("localhost") || host.equals("127.0.0.1"))) {
            throw new InvalidEndpoint("url", "webhooks.error.url.https");
        }
        return text;
    }

    static Set<WebhookEventType> checkTypes(Collection<String> names) {
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        for (String name : names == null ? List.<String>of() : names) {
            types.add(WebhookEventType.byWireName(name)
                    .orElseThrow(() -> new InvalidEndpoint("eventTypes", "webhooks.error.types")));
        }
        if (types.isEmpty()) {
            throw new InvalidEndpoint("eventTypes", "webhooks.error.types");
        }
        return types;
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A secret in clear, to be shown once. */
    public record IssuedSecret(long endpointId, String url, String secret) {
    }

    /** An endpoint as its page shows it. */
    public record EndpointView(long id, Long shopId, String url, List<String> eventTypes, String secretPrefix,
            boolean active, Instant createdAt, Instant secretRotatedAt, List<DeliveryView> recent) {
    }

    /** A delivery as the page shows it. */
    public record DeliveryView(long id, long endpointId, UUID deliveryId, String eventType, String status,
            int attempts, Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatusCode,
            String lastResponse, Instant deliveredAt, Long redeliveryOf) {

        public boolean canRedeliver() {
            return !"PENDING".equals(status);
        }

        static DeliveryView of(java.sql.ResultSet rs) throws java.sql.SQLException {
            int code = rs.getInt("last_status_code");
            Integer status = rs.wasNull() ? null : code;
            long of = rs.getLong("redelivery_of");
            Long redeliveryOf = rs.wasNull() ? null : of;
            return new DeliveryView(rs.getLong("id"), rs.getLong("endpoint_id"),
                    rs.getObject("delivery_id", UUID.class), rs.getString("event_type"), rs.getString("status"),
                    rs.getInt("attempts"), instant(rs.getTimestamp("created_at")),
                    instant(rs.getTimestamp("next_attempt_at")), instant(rs.getTimestamp("last_attempt_at")),
                    status, rs.getString("last_response"), instant(rs.getTimestamp("delivered_at")), redeliveryOf);
        }

        private static Instant instant(Timestamp t) {
            return t == null ? null : t.toInstant();
        }
    }

    /** Only a delivered or failed delivery is delivered again. */
    public static class RedeliveryRefused extends RuntimeException {

        public RedeliveryRefused() {
            super("The delivery is still pending");
        }
    }
}
