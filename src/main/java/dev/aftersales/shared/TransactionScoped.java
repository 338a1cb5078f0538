package dev.aftersales.shared;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What one transaction collects while it runs and writes just before it commits, e.g. the deltas it adds to counter
 * rows, summed per row: written in one order of keys at the end, the rows' locks are held only for the commit and two
 * transactions adding to the same rows take them in one order. One object per transaction and key: the first
 * {@link #get} makes it, the later ones in the same transaction return it. Its write runs once, just before the
 * commit (after every write of the transaction itself); on a rollback it does not run. After the commit or the
 * rollback the object is gone and the next transaction starts a new one.
 */
public final class TransactionScoped {

    private TransactionScoped() {
    }

    /**
     * This transaction's object under {@code key}, made by {@code create} on first use and written by {@code write}
     * just before the commit.
     *
     * @throws IllegalStateException when no transaction synchronizes (nothing would write the object)
     */
    public static <T> T get(Object key, Supplier<T> create, Consumer<? super T> write) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("No transaction to keep " + key + " until its commit");
        }
        @SuppressWarnings("unchecked")
        T bound = (T) TransactionSynchronizationManager.getResource(key);
        if (bound == null) {
            T created = create.get();
            TransactionSynchronizationManager.bindResource(key, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

                @Override
                public void beforeCommit(boolean readOnly) {
                    write.accept(created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
            bound = created;
        }
        return bound;
    }
}
