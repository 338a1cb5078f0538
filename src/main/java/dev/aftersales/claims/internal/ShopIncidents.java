package dev.aftersales.claims.internal;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.aftersales.claims.IncidentKind;
import dev.aftersales.claims.ShopIncidentRecorded;

/**
 * The shop's record of incidents (table {@code shop_incidents}, append-only). Each incident is recorded once per
 * subject (the same late order or the same fake tracking number twice counts once) and announced with
 * {@link ShopIncidentRecorded}.
 */
@Service
public class ShopIncidents {

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    public ShopIncidents(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Records an incident unless one was recorded for the same subject.
     *
     * @param subjectKey what the incident is about, unique per incident (e.g. {@code late-shipment:order:7})
     * @return whether it was new
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean record(long shopId, IncidentKind kind, long orderId, Long claimId, String subjectKey, Instant at) {
        return record(shopId, kind, orderId, claimId, subjectKey, at, events::publishEvent);
    }

    /** As {@link #record}, handing the {@link ShopIncidentRecorded} to {@code announce} instead of publishing it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean record(long shopId, IncidentKind kind, long orderId, Long claimId, String subjectKey, Instant at,
            Consumer<Object> announce) {
        int inserted = jdbc.update("""
                insert into shop_incidents (shop_id, kind, order_id, claim_id, subject_key, occurred_at)
                values (?, ?, ?, ?, ?, ?) on conflict (subject_key) do nothing""", shopId, kind.name(), orderId,
                claimId, subjectKey, java.sql.Timestamp.from(at));
        if (inserted == 1) {
            announce.accept(new ShopIncidentRecorded(shopId, kind, orderId, claimId, at));
        }
        return inserted == 1;
    }

    /** The shop's incidents since a time, newest first. */
    @Transactional(readOnly = true)
    public List<Incident> of(long shopId, Instant since) {
        return jdbc.query("""
                select kind, order_id, claim_id, occurred_at from shop_incidents
                where shop_id = ? and occurred_at >= ? order by occurred_at desc, id desc""",
                (rs, i) -> new Incident(IncidentKind.valueOf(rs.getString(1)), rs.getLong(2),
                        (Long) rs.getObject(3), rs.getTimestamp(4).toInstant()),
                shopId, java.sql.Timestamp.from(since));
    }

    /** How many incidents of each kind the shop had since a time. */
    @Transactional(readOnly = true)
    public Map<IncidentKind, Long> counts(long shopId, Instant since) {
        Map<IncidentKind, Long> counts = new EnumMap<>(IncidentKind.class);
        jdbc.query("""
                select kind, count(*) from shop_incidents where shop_id = ? and occurred_at >= ? group by kind""",
                rs -> {
                    counts.put(IncidentKind.valueOf(rs.getString(1)), rs.getLong(2));
                }, shopId, java.sql.Timestamp.from(since));
        return counts;
    }

    /** One incident on a shop's record. */
    public record Incident(IncidentKind kind, long orderId, Long claimId, Instant at) {
    }
}
