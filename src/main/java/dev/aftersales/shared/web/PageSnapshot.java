package dev.aftersales.shared.web;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads what one page shows in one read-only transaction at REPEATABLE READ: every query sees the database as it
 * was at the first one, so a move committed while the page is being read never shows half (a status from before it
 * beside a timeline from after it). Services that build a whole page model declare the same on their method
 * ({@code @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)}); a controller that assembles a
 * page from several services reads them through {@link #read}.
 */
@Component
public class PageSnapshot {

    private final TransactionTemplate transaction;

    PageSnapshot(PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setReadOnly(true);
        this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** Runs {@code reads} in one snapshot (joining the caller's transaction when there is one). */
    public <T> T read(Supplier<T> reads) {
        return transaction.execute(status -> reads.get());
    }
}
