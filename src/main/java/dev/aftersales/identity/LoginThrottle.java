package dev.aftersales.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.aftersales.identity.internal.FailureCounter;

/**
 * Slows down password guessing in two ways, answering the same whether or not an account of the name exists:
 * <ul>
 * <li><b>Per login name</b>: {@code max-failures} failed sign-ins (5) within {@code window} (15 min) lock the name
 * for a short {@code lock} (1 min). Short, so that someone typing wrong passwords for another person's name costs
 * its owner a minute, while keeping it locked takes a steady stream of failures, which the address limit cuts off.
 * Kept in PostgreSQL ({@code login_throttles}), so every node sees the same count; the row of a name whose window
 * and lock are over is deleted (at most once a minute per node), so names that do not exist leave nothing behind
 * for long.</li>
 * <li><b>Per client address</b>: {@code address-max-failures} failed sign-ins (20) within {@code address-window}
 * (15 min), whatever the names, stop that address's sign-ins until the window ends, before any password is checked.
 * Kept in each node's memory for at most {@code aftersales.security.max-tracked-addresses} addresses.</li>
 * </ul>
 */
@Service
public class LoginThrottle {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Duration lockDuration;
    private final FailureCounter addresses;
    private final AtomicReference<Instant> lastPruned = new AtomicReference<>(Instant.EPOCH);

    LoginThrottle(JdbcTemplate jdbc, Clock clock,
            @Value("${aftersales.security.login.max-failures:5}") int maxFailures,
            @Value("${aftersales.security.login.window:15m}") Duration window,
            @Value("${aftersales.security.login.lock:1m}") Duration lockDuration,
            @Value("${aftersales.security.login.address-max-failures:20}") int addressMaxFailures,
            @Value("${aftersales.security.login.address-window:15m}") Duration addressWindow,
            @Value("${aftersales.security.max-tracked-addresses:10000}") int maxAddresses) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockDuration = lockDuration;
        this.addresses = new FailureCounter(clock, addressMaxFailures, addressWindow, maxAddresses);
    }

    /** When the name is locked, until when. */
    public Optional<Instant> lockedUntil(String username) {
        List<Timestamp> rows = jdbc.queryForList(
                "select locked_until from login_throttles where username = ? and locked_until > ?", Timestamp.class,
                key(username), Timestamp.from(clock.instant()));
        return rows.stream().findFirst().map(Timestamp::toInstant);
    }

    /** Whether sign-ins from this client address are stopped for now. */
    public boolean addressBlocked(String clientAddress) {
        return addresses.blockedFor(addressKey(clientAddress)).isPresent();
    }

    /**
     * Records a failure from a client address for a name.
     *
     * @return whether the name or the address is now locked
     */
    @Transactional
    public boolean recordFailure(String username, String clientAddress) {
        boolean addressBlocked = addresses.fail(addressKey(clientAddress)).isPresent();
        return recordFailure(username) || addressBlocked;
    }

    /**
     * Records a failure for a name (whatever the address).
     *
     * @return whether the name is now locked
     */
    @Transactional
    public boolean recordFailure(String username) {
        Instant now = clock.instant();
        pruneStale(now);
        String key = key(username);
        // one statement that takes the row's lock, so concurrent attempts on several nodes count right
        Integer failures = jdbc.queryForObject("""
                insert into login_throttles as t (username, failures, window_started_at) values (?, 1, ?)
                on conflict (username) do update set
                  failures = case when t.failures = 0 or t.window_started_at < ? then 1 else t.failures + 1 end,
                  window_started_at = case when t.failures = 0 or t.window_started_at < ? then excluded.window_started_at
                                           else t.window_started_at end
                returning failures""", Integer.class, key, Timestamp.from(now),
                Timestamp.from(now.minus(window)), Timestamp.from(now.minus(window)));
        if (failures != null && failures >= maxFailures) {
            // locked; the count starts again when the lock ends
            jdbc.update("update login_throttles set failures = 0, window_started_at = ?, locked_until = ? "
                    + "where username = ?", Timestamp.from(now), Timestamp.from(now.plus(lockDuration)), key);
            return true;
        }
        return false;
    }

    /** A successful sign-in clears the name's count (not the address's: one's own account is no key to more tries). */
    public void recordSuccess(String username) {
        jdbc.update("update login_throttles set failures = 0 where username = ?", key(username));
    }

    public Duration lockDuration() {
        return lockDuration;
    }

    /**
     * Deletes the rows of names whose failures are older than the window and whose lock is over: they hold nothing a
     * fresh row would not. At most once a minute per node.
     */
    private void pruneStale(Instant now) {
        Instant last = lastPruned.get();
        boolean recently = !now.isBefore(last) && now.isBefore(last.plus(Duration.ofMinutes(1)));
        if (recently || !lastPruned.compareAndSet(last, now)) {
            return;
        }
        jdbc.update("delete from login_throttles where window_started_at < ? and (locked_until is null "
                + "or locked_until <= ?)", Timestamp.from(now.minus(window)), Timestamp.from(now));
    }

    private static String key(String username) {
        String key = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return key.length() > 100 ? key.substring(0, 100) : key;
    }

    private static String addressKey(String clientAddress) {
        return clientAddress == null ? "" : clientAddress;
    }
}
