package dev.aftersales.payments.internal;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface PaymentAccountRepository extends JpaRepository<PaymentAccount, Long> {

    @Modifying
    @Query(value = """
            insert into payment_accounts (order_id, currency, paid_minor, refunded_minor, compensated_minor, version)
            values (:orderId, :currency, :paidMinor, 0, 0, 0) on conflict (order_id) do nothing""",
            nativeQuery = true)
    void openIfMissing(long orderId, String currency, long paidMinor);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from PaymentAccount a where a.orderId = :orderId")
    Optional<PaymentAccount> lockById(long orderId);

    /**
     * Paid and refunded, read as values: reading never puts the account into the persistence context, where a later
     * lock in the same transaction would find an old copy of it.
     */
    @Query(value = """
            select paid_minor as paid_minor, refunded_minor as refunded_minor, currency as currency
            from payment_accounts where order_id = :orderId""", nativeQuery = true)
    List<Amounts> amounts(long orderId);

    /** An account's paid and refunded amounts (minor units) and its currency code. */
    public interface Amounts {

        long getPaidMinor();

        long getRefundedMinor();

        String getCurrency();
    }
}
