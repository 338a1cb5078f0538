package dev.aftersales.claims;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Applies passed deadlines (docs/rules.md#deadlines), each claim in its own transaction, claimed with
 * {@code FOR UPDATE SKIP LOCKED} so that several nodes never act on one claim twice. A consequence that cannot be
 * applied sends the claim to a platform agent, so nothing waits forever.
 */
@Component
public class ClaimDeadlineSweep {

    private static final Logger log = LoggerFactory.getLogger(ClaimDeadlineSweep.class);
    private static final int MAX_PER_PASS = 1000;

    private final ClaimManagement claims;

    ClaimDeadlineSweep(ClaimManagement claims) {
        this.claims = claims;
    }

    /** @return how many claims had a deadline applied */
    public int runDue() {
        int handled = 0;
        while (handled < MAX_PER_PASS) {
            try {
                Optional<Long> claim = claims.applyNextDeadline();
                if (claim.isEmpty()) {
                    break;
                }
            } catch (ClaimManagement.DeadlineFailed failed) {
                log.warn("Claim {}: deadline consequence failed, escalating: {}", failed.claimId,
                        failed.getCause().getMessage());
                claims.escalateStuck(failed.claimId, "consequence-failed");
            }
            handled++;
        }
        return handled;
    }

    @Scheduled(fixedDelayString = "${aftersales.claims.deadline-interval:30s}", initialDelayString = "20s")
    void scheduled() {
        int handled = runDue();
        if (handled > 0) {
            log.info("Applied {} claim deadlines", handled);
        }
    }
}
