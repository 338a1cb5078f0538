package dev.aftersales.claims.internal;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.aftersales.claims.ClaimChanged;

/**
 * Runs a reaction to another module's event in a transaction of its own and, when it lost a race for a row (a claim
 * or an account changed under it, a deadlock PostgreSQL broke, a lock it could not get), runs it again from the
 * start: a reaction that moves money is never left undone because a buyer clicked at the same moment. Every reaction
 * run through here is idempotent (it checks what is already done under the order's lock), so running it again is
 * safe. After the last attempt the failure goes back to the event publication registry, which resubmits it later.
 */
@Component
public class ReactionRetry {

    public static final int ATTEMPTS = 5;

    private static final Logger log = LoggerFactory.getLogger(ReactionRetry.class);

    private final TransactionTemplate tx;

    public ReactionRetry(PlatformTransactionManager transactionManager) {
        this.tx = new TransactionTemplate(transactionManager);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public <T> T run(String reaction, Supplier<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return tx.execute(status -> work.get());
            } catch (ConcurrencyFailureException | ClaimChanged raced) {
                if (attempt >= ATTEMPTS) {
                    throw raced;
                }
                log.info("{} met a concurrent change (attempt {} of {}), running it again: {}", reaction, attempt,
                        ATTEMPTS, raced.getMessage());
            }
        }
    }

    public void run(String reaction, Runnable work) {
        run(reaction, () -> {
            work.run();
            return null;
        });
    }
}
