package dev.aftersales.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Executor;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * How long a thread that serves a request waits for PostgreSQL to answer before it gives up. The driver's own
 * {@code socketTimeout} is long, because migrations and batch work legitimately run long statements; a person waiting
 * for a page should not wait that long when the database host has dropped off the network. While a request is
 * served ({@link #start}), every connection it takes from the pool gets this read timeout, and the pool restores
 * the connection's own when it is returned. And a request the pool could not serve once does not wait a second time
 * (for saving its session after the failed page, say): it goes on to its 503 at once.
 */
public final class RequestDeadline {

    private static final ThreadLocal<State> STATE = new ThreadLocal<>();
    private static final Executor SAME_THREAD = Runnable::run;

    private RequestDeadline() {
    }

    /**
     * From now until the returned scope is closed, each database answer on this thread is awaited at most
     * {@code deadline}.
     */
    public static Scope start(Duration deadline) {
        State outer = STATE.get();
        STATE.set(new State((int) Math.min(Integer.MAX_VALUE, Math.max(1, deadline.toMillis()))));
        return () -> {
            if (outer == null) {
                STATE.remove();
            } else {
                STATE.set(outer);
            }
        };
    }

    /** The deadline of the request on this thread, and whether the database already failed to give it a connection. */
    private static final class State {

        final int millis;
        boolean unreachable;

        State(int millis) {
            this.millis = millis;
        }
    }

    /** The time a deadline applies; closing it ends the deadline. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * A connection for this thread: with the request's read deadline; and once the pool could not give the request a
     * connection, no second wait in the same request (saving the session after a failed page, say): it fails at once.
     */
    static Connection connect(ConnectionSource source) throws SQLException {
        State state = STATE.get();
        if (state == null) {
            return source.get();
        }
        if (state.unreachable) {
            throw new SQLTransientConnectionException("The database could not be reached earlier in this request",
                    "08001");
        }
        Connection connection;
        try {
            connection = source.get();
        } catch (SQLException e) {
            state.unreachable = true;
            throw e;
        }
        try {
            connection.setNetworkTimeout(SAME_THREAD, state.millis);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    @FunctionalInterface
    interface ConnectionSource {
        Connection get() throws SQLException;
    }

    /** The application's data source, handing out connections with the request's deadline. */
    static final class DeadlineDataSource extends DelegatingDataSource {

        DeadlineDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return connect(super::getConnection);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return connect(() -> super.getConnection(username, password));
        }
    }

    /** Wraps every data source of the application. */
    static final class Wrapper implements BeanPostProcessor {

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof DataSource dataSource && !(bean instanceof DeadlineDataSource)) {
                return new DeadlineDataSource(dataSource);
            }
            return bean;
        }
    }
}
