package dev.aftersales.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.aftersales.claims.ClaimDeadlines;
import dev.aftersales.claims.ClaimDeadlines.DueSoon;

/**
 * Reminds the party whose move it is when a claim's due time is less than {@code reminder-lead} (12 h) away, once
 * per (claim, due time): the reminder is recorded with an idempotent insert in the same transaction as its inbox
 * items, so a second pass or a second node tells nobody again, and a new due time gets a reminder of its own.
 * Clock-driven, each claim in its own transaction.
 */
@Component
public class DeadlineReminderSweep {

    private static final Logger log = LoggerFactory.getLogger(DeadlineReminderSweep.class);
    private static final int PAGE = 200;

    private final ClaimDeadlines deadlines;
    private final NotificationListeners notices;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final NotificationSettings settings;
    private final Clock clock;

    DeadlineReminderSweep(ClaimDeadlines deadlines, NotificationListeners notices, JdbcClient jdbc,
            PlatformTransactionManager transactions, NotificationSettings settings, Clock clock) {
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
        Instant afterDue = null;
        Long afterId = null;
        int reminded = 0;
        while (true) {
            List<DueSoon> page = deadlines.dueBetween(now, until, afterDue, afterId, PAGE);
            for (DueSoon claim : page) {
                try {
                    if (Boolean.TRUE.equals(transaction.execute(tx -> remind(claim, now)))) {
                        reminded++;
                    }
                } catch (RuntimeException e) {
                    log.warn("Claim {}: deadline reminder not written, next pass tries again: {}", claim.claimId(),
                            e.getMessage());
                }
            }
            if (page.size() < PAGE) {
                return reminded;
            }
            DueSoon last = page.get(page.size() - 1);
            afterDue = last.dueAt();
            afterId = last.claimId();
        }
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
