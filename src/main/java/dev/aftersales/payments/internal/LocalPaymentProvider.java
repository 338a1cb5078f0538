package dev.aftersales.payments.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.aftersales.shared.Money;

/**
 * The local payment provider: records each transfer in {@code provider_transfers}, as the real provider's books
 * would, once per idempotency key. It can be told to fail (for tests and drills), which is how the retry path is
 * exercised. An adapter to the real provider replaces it as a {@code @Primary} {@link PaymentProvider} bean.
 */
@Component
public class LocalPaymentProvider implements PaymentProvider {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AtomicInteger failuresToSimulate = new AtomicInteger();
    private volatile boolean down;

    LocalPaymentProvider(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public String transfer(String idempotencyKey, String orderNumber, long buyerId, Money amount) {
        if (down) {
            throw new PaymentProviderUnavailable("payment provider is down");
        }
        if (failuresToSimulate.getAndUpdate(n -> Math.max(n - 1, 0)) > 0) {
            throw new PaymentProviderUnavailable("payment provider timed out");
        }
        jdbc.update("""
                insert into provider_transfers (idempotency_key, reference, order_number, buyer_id, amount_minor,
                                                currency, executed_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (idempotency_key) do nothing""", idempotencyKey,
                "LP-" + UUID.randomUUID(), orderNumber, buyerId, amount.minor(),
                amount.currency().getCurrencyCode(), Timestamp.from(clock.instant()));
        List<String> reference = jdbc.queryForList(
                "select reference from provider_transfers where idempotency_key = ?", String.class, idempotencyKey);
        return reference.get(0);
    }

    /** A debit from the buyer, booked as a negative transfer, once per key. */
    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public String collect(String idempotencyKey, String orderNumber, long buyerId, Money amount) {
        return transfer(idempotencyKey, orderNumber, buyerId, new Money(-amount.minor(), amount.currency()));
    }

    /** The next {@code count} transfers fail as if the provider timed out. */
    public void failNext(int count) {
        failuresToSimulate.set(count);
    }

    /** Every transfer fails until {@link #recover()}. */
    public void goDown() {
        down = true;
    }

    public void recover() {
        down = false;
        failuresToSimulate.set(0);
    }

    /** How many transfers the provider executed for this key (never more than one). */
    public int transfersFor(String idempotencyKey) {
        Integer count = jdbc.queryForObject("select count(*) from provider_transfers where idempotency_key = ?",
                Integer.class, idempotencyKey);
        return count == null ? 0 : count;
    }
}
