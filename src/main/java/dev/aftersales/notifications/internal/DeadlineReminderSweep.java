package dev.aftersales.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.aftersales.claims.ClaimDeadlines;
import dev.aftersales.claims.ClaimDeadlines.DueSoon;
import dev.aftersales.shared.Sweep;
import dev.aftersales.shared.SweepSettings;

/**
 * Reminds the party whose move it is when a claim's due time is less than {@code reminder-lead} (12 h) away, once
 * per (claim, due time): the reminder is recorded with an idempotent insert in the same transaction as its inbox
 * items, so a second pass or a second node tells nobody again, and a new due time gets a reminder of its own.
 * Clock-driven, each claim in its own transaction.
 */
@Component
public class DeadlineReminderSweep {

    private static final Logger log = LoggerFactory.getLogger(DeadlineReminderSweep.class);

    private final ClaimDeadlines deadlines;
    private final NotificationListeners notices;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final NotificationSettings settings;
    private final SweepSettings sweeps;
    private final Clock clock;

    DeadlineReminderSweep(ClaimDeadlines deadlines, NotificationListeners notices, JdbcClient jdbc,
            PlatformTransactionManager transactions, NotificationSettings settings, SweepSettings sweeps,
            Clock clock) {
        this.sweeps = sweeps;
        this.deadlines = deadlines;
        this.notices = notices;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.settings = settings;
        this.clock = clock;
    }

    /** @return how many claims got their reminder in this pass */
    public int runDue() {
        Instant now = clock.instant();
        Instant until = now.plus(settings.getReminderLead());
        return Sweep.run("Deadline reminder sweep", sweeps,
                (DueSoon after, Integer limit) -> deadlines.dueBetween(now, until,
                        after == null ? null : after.dueAt(), after == null ? null : after.claimId(), limit),
                claim -> Boolean.TRUE.equals(transaction.execute(tx -> remind(claim, now)))).acted();
    }

    private boolean remind(DueSoon claim, Instant now) {
        int inserted = jdbc.sql("""
                insert into deadline_reminders (claim_id, due_at, reminded_at) values (:claim, :due, :now)
                on conflict do nothing""")
                .param("claim", claim.claimId()).param("due", Timestamp.from(claim.dueAt()))
                .param("now", Timestamp.from(now)).update();
        if (inserted == 0) {
            return false;
        }
        notices.remind(claim.claimId(), claim.claimNumber(), ClaimNotices.sidesOf(claim.party()), claim.buyerId(),
                claim.shopId(), claim.dueAt());
        return true;
    }

    @Scheduled(fixedDelayString = "${aftersales.notifications.reminder-interval:5m}", initialDelayString = "40s")
    void scheduled() {
        int reminded = runDue();
        if (reminded > 0) {
            log.info("Sent {} deadline reminders", reminded);
        }
    }
}
