package dev.aftersales.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.aftersales.support.AftersalesIntegrationTest;

/**
 * The deltas a transaction collects for its commit (the quality and scorecard counters' mechanism), on the
 * application's transaction manager and PostgreSQL.
 */
@AftersalesIntegrationTest
class TransactionScopedIntegrationTests {

    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;

    /** A transaction's collected deltas, and what writing them saw. */
    final class Deltas {

        final List<String> added = new ArrayList<>();
        Long writtenInTransaction;
        int writes;

        void write() {
            writes++;
            writtenInTransaction = currentTransaction();
        }
    }

    long currentTransaction() {
        return jdbc.queryForObject("select txid_current()", Long.class);
    }

    final List<Deltas> made = new ArrayList<>();

    Deltas deltas(Object key) {
        return TransactionScoped.get(key, () -> {
            Deltas d = new Deltas();
            made.add(d);
            return d;
        }, Deltas::write);
    }

    @Test
    void oneObjectPerTransactionWrittenOnceInsideItJustBeforeItCommits() {
        Object key = new Object();

        long transaction = new TransactionTemplate(transactions).execute(s -> {
            deltas(key).added.add("a");
            deltas(key).added.add("b");
            assertThat(made.get(0).writes).as("nothing written while the transaction runs").isZero();
            return currentTransaction();
        });

        assertThat(made).hasSize(1);
        assertThat(made.get(0).added).containsExactly("a", "b");
        assertThat(made.get(0).writes).isEqualTo(1);
        assertThat(made.get(0).writtenInTransaction).as("written by the transaction itself").isEqualTo(transaction);
        assertThat(TransactionSynchronizationManager.getResource(key)).isNull();

        new TransactionTemplate(transactions).executeWithoutResult(s -> deltas(key).added.add("c"));

        assertThat(made).as("the next transaction starts a new one").hasSize(2);
        assertThat(made.get(1).added).containsExactly("c");
        assertThat(made.get(0).writes).isEqualTo(1);
    }

    @Test
    void aRollbackWritesNothingAndLeavesNothingBehind() {
        Object key = new Object();

        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            deltas(key).added.add("a");
            s.setRollbackOnly();
        });

        assertThat(made).hasSize(1);
        assertThat(made.get(0).writes).isZero();
        assertThat(TransactionSynchronizationManager.getResource(key)).isNull();

        new TransactionTemplate(transactions).executeWithoutResult(s -> deltas(key).added.add("b"));

        assertThat(made).hasSize(2);
        assertThat(made.get(1).added).as("nothing of the rolled-back transaction").containsExactly("b");
        assertThat(made.get(1).writes).isEqualTo(1);
        assertThat(made.get(0).writes).isZero();
    }

    @Test
    void withoutATransactionItRefusesAndBindsNothing() {
        Object key = new Object();

        assertThatThrownBy(() -> deltas(key)).isInstanceOf(IllegalStateException.class);

        assertThat(made).isEmpty();
        assertThat(TransactionSynchronizationManager.getResource(key)).isNull();
    }
}
