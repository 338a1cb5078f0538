package dev.aftersales.claims;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holiday extension of claim due times: every open claim of a chosen status (or whose move it is) whose due time
 * falls in a range gets more time, once per extension. Each claim gets a timeline entry with its old and new due
 * time, and the pair (extension, claim) is recorded in {@code claim_due_extensions}, so the same extension applied
 * twice changes nothing the second time.
 */
@Service
public class DueTimeExtension {

    private final EntityManager em;
    private final JdbcTemplate jdbc;

    DueTimeExtension(EntityManager em, JdbcTemplate jdbc) {
        this.em = em;
        this.jdbc = jdbc;
    }

    /** One claim that got more time. */
    public record Extended(long claimId, String claimNumber, long orderId, long shopId, long buyerId,
            ClaimStatus status, Party party, Instant oldDue, Instant newDue) {
    }

    /**
     * Extends, in the caller's transaction, the due time of every open claim due in [{@code from}, {@code to}) in
     * {@code status} (any open status when {@code null}) whose move is {@code party}'s (anyone's when {@code null}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Extended> extend(String extensionId, ClaimStatus status, Party party, Duration by, Instant from,
            Instant to, Instant now) {
        List<Claim> due = em.createQuery("""
                select c from Claim c
                where c.dueAt >= :from and c.dueAt < :to
                  and (:status is null or c.status = :status)
                  and (:party is null or c.partyToAct = :party)
                order by c.id""", Claim.class)
                .setParameter("from", from).setParameter("to", to).setParameter("status", status)
                .setParameter("party", party).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        List<Extended> extended = new ArrayList<>();
        for (Claim claim : due) {
            if (!claim.status().isOpen()) {
                continue;
            }
            Instant old = claim.dueAt();
            Instant next = old.plus(by);
            int recorded = jdbc.update("insert into claim_due_extensions (extension_id, claim_id, old_due_at, "
                    + "new_due_at, extended_at) values (?, ?, ?, ?, ?) on conflict do nothing", extensionId,
                    claim.id(), Timestamp.from(old), Timestamp.from(next), Timestamp.from(now));
            if (recorded == 1) {
                claim.extendDueTime(by, "+" + by.toHours() + " h · " + DateTimeFormatter.ISO_INSTANT.format(old)
                        + " → " + DateTimeFormatter.ISO_INSTANT.format(next), now);
                extended.add(new Extended(claim.id(), claim.claimNumber(), claim.orderId(), claim.shopId(),
                        claim.buyerId(), claim.status(), claim.partyToAct(), old, next));
            }
        }
        em.flush();
        return extended;
    }
}
