package dev.aftersales.platform.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.exception.JDBCConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells whether a failure means that PostgreSQL cannot be reached right now (down, unreachable, refusing or out of
 * connections), as opposed to a fault of the request or of the desk. Only those become "briefly unavailable" (503).
 */
public final class DatabaseUnavailable {

    /**
     * What the pool (Hikari) answers on a connection it already dropped because it broke, e.g. when a transaction is
     * rolled back after its statement lost the server: the rollback's failure hides the original one.
     */
    private static final String POOL_DROPPED_CONNECTION = "Connection is closed";

    private DatabaseUnavailable() {
    }

    /** Whether {@code failure} or one of its causes says the database cannot be reached. */
    public static boolean isCause(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException || t instanceof JDBCConnectionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && unreachable(sql.getSQLState())) {
                return true;
            }
            if (t instanceof SQLException && POOL_DROPPED_CONNECTION.equals(t.getMessage())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception), 57P01-57P03 (shutting down, starting), 53300 (too many clients). */
    private static boolean unreachable(String state) {
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("53300");
    }
}
