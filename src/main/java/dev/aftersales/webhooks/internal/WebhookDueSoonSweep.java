package dev.aftersales.webhooks.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * Writes {@code claim.due_soon} when the due time of a buyer's or the seller's move comes within
 * {@code due-soon-lead} (the same claims the deadline reminders go to), once per (claim, due time): the idempotent
 * insert into {@code webhook_due_soon} and the deliveries commit together, so a second pass or a second node writes
 * nothing again, and a new due time gets its own event.
 */
@Component
public class WebhookDueSoonSweep {

    private final ClaimDeadlines deadlines;
    private final WebhookOutbox outbox;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final WebhookSettings settings;
    private final SweepSettings sweeps;
    private final Clock clock;

    WebhookDueSoonSweep(ClaimDeadlines deadlines, WebhookOutbox outbox, JdbcClient jdbc,
            PlatformTransactionManager transactions, WebhookSettings settings, SweepSettings sweeps, Clock clock) {
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.settings = settings;
        this.sweeps = sweeps;
        this.clock = clock;
    }

    /** @return how many claims got their event in this pass */
    public int runDue() {
        Instant now = clock.instant();
        Instant until = now.plus(settings.getDueSoonLead());
        return Sweep.run("Webhook due-soon sweep", sweeps,
                (DueSoon after, Integer limit) -> deadlines.dueBetween(now, until,
                        after == null ? null : after.dueAt(), after == null ? null : after.claimId(), limit),
                claim -> Boolean.TRUE.equals(transaction.execute(tx -> announce(claim, now)))).acted();
    }

    private boolean announce(DueSoon claim, Instant now) {
        int inserted = jdbc.sql("""
                insert into webhook_due_soon (claim_id, due_at, noticed_at) values (:claim, :due, :now)
                on conflict do nothing""")
                .param("claim", claim.claimId()).param("due", Timestamp.from(claim.dueAt()))
                .param("now", Timestamp.from(now)).update();
        if (inserted == 0) {
            return false;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("claimId", claim.claimId());
        data.put("claimNumber", claim.claimNumber());
        data.put("ballInCourt", claim.party());
        data.put("dueAt", claim.dueAt().toString());
        outbox.enqueue(new WebhookEvent("due-soon:claim:" + claim.claimId() + ":" + claim.dueAt(),
                WebhookEventType.CLAIM_DUE_SOON, claim.shopId(), WebhookListeners.claimKey(claim.claimId()), now,
                data));
        return true;
    }

    @Scheduled(fixedDelayString = "${aftersales.webhooks.due-soon-interval:5m}", initialDelayString = "45s")
    void scheduled() {
        runDue();
    }
}
