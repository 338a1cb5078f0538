package dev.aftersales.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements the current thread prepares on the application's data source, whether they come from
 * Hibernate or a JdbcTemplate. A MockMvc request runs on the test's thread, so its page's statements (rendering
 * included) are counted exactly; other threads' work is not. The same proxy lets {@link StatementGate} hold a thread
 * before a chosen statement.
 */
public final class SqlStatementCounter implements BeanPostProcessor {

    private static final ThreadLocal<int[]> COUNT = new ThreadLocal<>();
    private static final ThreadLocal<java.util.List<String>> TEXTS = new ThreadLocal<>();
    private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement", "prepareCall");

    /** The number of statements {@code work} ran on this thread. */
    public static int count(Callable<?> work) throws Exception {
        int[] count = new int[1];
        COUNT.set(count);
        try {
            work.call();
        } finally {
            COUNT.remove();
        }
        return count[0];
    }

    /** The SQL of the statements {@code work} prepared on this thread, in order. */
    public static java.util.List<String> statements(Callable<?> work) throws Exception {
        java.util.List<String> texts = new java.util.ArrayList<>();
        TEXTS.set(texts);
        try {
            work.call();
        } finally {
            TEXTS.remove();
        }
        return texts;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
            return proxy(DataSource.class, dataSource, (target, method, args) -> {
                Object result = invoke(target, method, args);
                return result instanceof Connection connection && method.getName().equals("getConnection")
                        ? proxy(Connection.class, connection, SqlStatementCounter::onConnection)
                        : result;
            });
        }
        return bean;
    }

    private static Object onConnection(Object target, Method method, Object[] args) throws Throwable {
        if (STATEMENTS.contains(method.getName()) && args != null && args.length > 0 && args[0] instanceof String sql) {
            StatementGate.beforeStatement(sql);
            java.util.List<String> texts = TEXTS.get();
            if (texts != null) {
                texts.add(sql);
            }
        }
        if (STATEMENTS.contains(method.getName())) {
            int[] count = COUNT.get();
            if (count != null) {
                count[0]++;
            }
        }
        return invoke(target, method, args);
    }

    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        InvocationHandler invocation = (proxy, method, args) -> {
            if (method.getName().equals("unwrap") && args.length == 1 && ((Class<?>) args[0]).isInstance(target)) {
                return target;
            }
            if (method.getName().equals("isWrapperFor") && args.length == 1
                    && ((Class<?>) args[0]).isInstance(target)) {
                return true;
            }
            return handler.handle(target, method, args);
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, invocation);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
