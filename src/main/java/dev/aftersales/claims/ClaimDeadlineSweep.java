package dev.aftersales.claims;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.aftersales.shared.Sweep;
import dev.aftersales.shared.SweepSettings;

/**
 * Applies passed deadlines (docs/rules.md#deadlines): the seller's, the buyer's, the evidence and the agent's due times. Reads the
 * claims whose deadline passed in batches by (deadline, id) from the index {@code claims_deadline_key_idx} until none
 * is left or the run's budget is used ({@link SweepSettings}); each claim is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and handled in its own transaction, so several nodes share the work and never act on
 * one claim twice. A consequence that cannot be applied sends the claim to a platform agent, so nothing waits forever.
 */
@Component
public class ClaimDeadlineSweep {

    private static final Logger log = LoggerFactory.getLogger(ClaimDeadlineSweep.class);

    static final String DUE = """
            select id, deadline_at from claims
            where deadline_at <= ? and (deadline_at, id) > (?, ?)
            order by deadline_at, id limit ?""";

    private final ClaimManagement claims;
    private final JdbcTemplate jdbc;
    private final SweepSettings settings;
    private final Clock clock;

    ClaimDeadlineSweep(ClaimManagement claims, JdbcTemplate jdbc, SweepSettings settings, Clock clock) {
        this.claims = claims;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** @return how many claims had a deadline applied (or, failing that, were sent to an agent) */
    public int runDue() {
        Instant now = clock.instant();
        return Sweep.run("Claim deadline sweep", settings, (Due after, Integer limit) -> due(now, after, limit),
                due -> apply(due.claimId(), now)).acted();
    }

    List<Due> due(Instant now, Due after, int limit) {
        return jdbc.query(DUE, (rs, i) -> new Due(rs.getLong(1), rs.getTimestamp(2).toInstant()), Timestamp.from(now),
                Timestamp.from(after == null ? Instant.EPOCH : after.deadlineAt()), after == null ? 0L : after.claimId(),
                limit);
    }

    private boolean apply(long claimId, Instant now) {
        try {
            return claims.applyDeadline(claimId, now);
        } catch (ClaimManagement.DeadlineFailed failed) {
            log.warn("Claim {}: deadline consequence failed, escalating: {}", claimId, failed.getCause().toString());
            claims.escalateStuck(claimId, "consequence-failed");
            return true;
        }
    }

    @Scheduled(fixedDelayString = "${aftersales.claims.deadline-interval:30s}", initialDelayString = "20s")
    void scheduled() {
        int handled = runDue();
        if (handled > 0) {
            log.info("Applied {} claim deadlines", handled);
        }
    }

    /** A claim whose deadline passed. */
    record Due(long claimId, Instant deadlineAt) {
    }
}
