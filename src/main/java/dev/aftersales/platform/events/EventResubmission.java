package dev.aftersales.platform.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Resubmits, while the node runs, the event publications whose reaction did not complete (it failed, or the node
 * stopped in the middle of it) once they are older than {@code aftersales.events.resubmit-older-than}; Spring
 * Modulith republishes them only at a restart otherwise. Runs every {@code aftersales.events.resubmit-interval} on
 * nodes where scheduling is on ({@code aftersales.scheduling.enabled}).
 * <p>
 * Safe with several nodes: one node at a time resubmits, the one holding a PostgreSQL advisory lock (held by a
 * connection of its own for the pass, released at its end, or by PostgreSQL when the node dies); Modulith marks each
 * publication resubmitted before invoking its listener, so two passes never invoke it together; and every listener is
 * idempotent (it checks what is already done), so a reaction run twice acts once. A publication left "resubmitted" by
 * a node that stopped is made eligible again after the same age.
 * <p>
 * Reports the gauge {@code aftersales.events.incomplete} (publications not completed within the resubmission age,
 * counted at each pass), the counter {@code aftersales.events.resubmitted}, and a WARN line naming each event whose
 * reaction still fails after a resubmission.
 */
@Component
public class EventResubmission {

    /** The advisory lock's key: one resubmitting node at a time ("AS-EVENT" in ASCII). */
    static final long LOCK_KEY = 0x41532d4556454e54L;

    private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

    private final IncompleteEventPublications publications;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration olderThan;
    private final AtomicLong incomplete = new AtomicLong();
    private final Counter resubmitted;

    EventResubmission(IncompleteEventPublications publications, DataSource dataSource, JdbcTemplate jdbc, Clock clock,
            MeterRegistry meters, @Value("${aftersales.events.resubmit-older-than:5m}") Duration olderThan) {
        this.publications = publications;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.clock = clock;
        this.olderThan = olderThan;
        Gauge.builder("aftersales.events.incomplete", incomplete, AtomicLong::get)
                .description("Event publications whose reaction has not completed within the resubmission age")
                .register(meters);
        this.resubmitted = Counter.builder("aftersales.events.resubmitted")
                .description("Event publications resubmitted while the node runs").register(meters);
    }

    /** What one pass did. */
    public record Pass(boolean ran, int overdue, int stillIncomplete) {
    }

    /**
     * One pass: counts the overdue publications (the gauge), and, if no other node is resubmitting, names those that
     * keep failing and resubmits every overdue one.
     */
    public Pass resubmitDue() {
        List<Overdue> overdue = overdue();
        incomplete.set(overdue.size());
        if (overdue.isEmpty()) {
            return new Pass(false, 0, 0);
        }
        try (Connection lock = dataSource.getConnection()) {
            if (!advisory(lock, "pg_try_advisory_lock")) {
                return new Pass(false, overdue.size(), overdue.size());
            }
            try {
                for (Overdue o : overdue) {
                    if (o.attempts() > 1) {
                        log.warn("Event {} for {} (publication {}, published {}) is still not handled after {} "
                                + "attempts; resubmitting it again", o.eventType(), o.listenerId(), o.id(),
                                o.publishedAt(), o.attempts());
                    }
                }
                // a publication a stopped node left "resubmitted" is taken up again
                jdbc.update("""
                        update event_publication set status = 'FAILED'
                        where completion_date is null and status = 'RESUBMITTED' and last_resubmission_date < ?""",
                        Timestamp.from(clock.instant().minus(olderThan)));
                publications.resubmitIncompletePublicationsOlderThan(olderThan);
                resubmitted.increment(overdue.size());
            } finally {
                advisory(lock, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            log.warn("Could not resubmit incomplete event publications: {}", e.getMessage());
            return new Pass(false, overdue.size(), overdue.size());
        }
        int left = overdue().size();
        incomplete.set(left);
        return new Pass(true, overdue.size(), left);
    }

    @Scheduled(fixedDelayString = "${aftersales.events.resubmit-interval:60s}",
            initialDelayString = "${aftersales.events.resubmit-interval:60s}")
    void scheduled() {
        resubmitDue();
    }

    private List<Overdue> overdue() {
        return jdbc.query("""
                select id, event_type, listener_id, publication_date, coalesce(completion_attempts, 1)
                from event_publication
                where completion_date is null and publication_date < ? order by publication_date""",
                (rs, i) -> new Overdue(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getInt(5)),
                Timestamp.from(clock.instant().minus(olderThan)));
    }

    private static boolean advisory(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select " + function + "(?)")) {
            statement.setLong(1, LOCK_KEY);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private record Overdue(String id, String eventType, String listenerId, Instant publishedAt, int attempts) {
    }
}
