package dev.aftersales.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per login name, whether or not an account of that name exists (so that the answer never
 * tells), and locks the name for a while after too many failures in a window: by default 5 failures within 15
 * minutes lock it for 15 minutes. Kept in PostgreSQL, so every application node sees the same count.
 */
@Service
public class LoginThrottle {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Duration lockDuration;

    LoginThrottle(JdbcTemplate jdbc, Clock clock,
            @Value("${aftersales.security.login.max-failures:5}") int maxFailures,
            @Value("${aftersales.security.login.window:15m}") Duration window,
            @Value("${aftersales.security.login.lock:15m}") Duration lockDuration) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockDuration = lockDuration;
    }

    /** When the name is locked, until when. */
    public Optional<Instant> lockedUntil(String username) {
        List<Timestamp> rows = jdbc.queryForList(
                "select locked_until from login_throttles where username = ? and locked_until > ?", Timestamp.class,
                key(username), Timestamp.from(clock.instant()));
        return rows.stream().findFirst().map(Timestamp::toInstant);
    }

    /**
     * Records a failure. The row is locked while it is counted, so concurrent attempts on several nodes count right.
     *
     * @return whether the name is now locked
     */
    @Transactional
    public boolean recordFailure(String username) {
        Instant now = clock.instant();
        String key = key(username);
        jdbc.update("""
                insert into login_throttles (username, failures, window_started_at) values (?, 0, ?)
                on conflict (username) do nothing""", key, Timestamp.from(now));
        Map<String, Object> row = jdbc.queryForMap(
                "select failures, window_started_at from login_throttles where username = ? for update", key);
        int failures = ((Number) row.get("failures")).intValue();
        Instant windowStart = ((Timestamp) row.get("window_started_at")).toInstant();
        if (failures == 0 || windowStart.isBefore(now.minus(window))) {
            failures = 0;
            windowStart = now;
        }
        failures++;
        if (failures >= maxFailures) {
            // locked; the count starts again when the lock ends
            jdbc.update("update login_throttles set failures = 0, window_started_at = ?, locked_until = ? "
                    + "where username = ?", Timestamp.from(now), Timestamp.from(now.plus(lockDuration)), key);
            return true;
        }
        jdbc.update("update login_throttles set failures = ?, window_started_at = ? where username = ?", failures,
                Timestamp.from(windowStart), key);
        return false;
    }

    /** A successful sign-in clears the count. */
    public void recordSuccess(String username) {
        jdbc.update("update login_throttles set failures = 0 where username = ?", key(username));
    }

    public Duration lockDuration() {
        return lockDuration;
    }

    private static String key(String username) {
        String key = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return key.length() > 100 ? key.substring(0, 100) : key;
    }
}
