package dev.aftersales.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.aftersales.identity.AccountManagement;
import dev.aftersales.identity.UserAccount;

/**
 * Turns a notice into inbox items, in the caller's transaction: one per (key, recipient), inserted with
 * {@code ON CONFLICT DO NOTHING} so that a redelivered event, a second node or a repeated sweep tells nobody twice.
 * With each new item go its pending deliveries (email when the installation sends email and the account has an
 * address; a text message for urgent notices when it has a phone), which the {@link NotificationDispatcher} sends
 * once the transaction has committed.
 */
@Component
class NotificationWriter {

    private final JdbcClient jdbc;
    private final AccountManagement accounts;
    private final NotificationSettings settings;
    private final NotificationDispatcher dispatcher;
    private final Clock clock;

    NotificationWriter(JdbcClient jdbc, AccountManagement accounts, NotificationSettings settings,
            NotificationDispatcher dispatcher, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.settings = settings;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** @return how many new inbox items were written */
    int write(Notice notice) {
        return write(notice, accounts::accountsById);
    }

    /**
     * As {@link #write(Notice)}, looking the recipients' accounts up through {@code accountsById} (a chunk of notices
     * looks each account up once).
     */
    int write(Notice notice, Function<Collection<Long>, Map<Long, UserAccount>> accountsById) {
        Map<Long, String> links = new LinkedHashMap<>();
        for (Notice.Recipient recipient : notice.recipients()) {
            links.putIfAbsent(recipient.accountId(), recipient.link());
        }
        if (links.isEmpty()) {
            return 0;
        }
        Map<Long, UserAccount> found = accountsById.apply(links.keySet());
        Instant now = clock.instant();
        String[] args = notice.args().toArray(String[]::new);
        List<Long> deliveries = new ArrayList<>();
        int written = 0;
        for (Map.Entry<Long, String> recipient : links.entrySet()) {
            UserAccount account = found.get(recipient.getKey());
            if (account == null || !account.enabled()) {
                continue;
            }
            Optional<Long> item = jdbc.sql("""
                    insert into inbox_items (event_key, recipient_id, message_code, args, link, urgent, created_at)
                    values (:key, :recipient, :code, :args, :link, :urgent, :now)
                    on conflict (event_key, recipient_id) do nothing returning id""")
                    .param("key", notice.key()).param("recipient", account.id()).param("code", notice.code())
                    .param("args", args).param("link", recipient.getValue()).param("urgent", notice.urgent())
                    .param("now", Timestamp.from(now)).query(Long.class).optional();
            if (item.isEmpty()) {
                continue;
            }
            written++;
            String language = NoticeText.languageOf(account.preferredLanguage()).toLanguageTag();
            if (settings.getEmail().isEnabled() && account.email() != null) {
                deliveries.add(delivery(item.get(), Channel.EMAIL, account.email(), language, now));
            }
            if (notice.urgent() && account.phone() != null) {
                deliveries.add(delivery(item.get(), Channel.SMS, account.phone(), language, now));
            }
        }
        sendAfterCommit(deliveries);
        return written;
    }

    private long delivery(long itemId, Channel channel, String address, String language, Instant now) {
        return jdbc.sql("""
                insert into notification_deliveries
                  (item_id, channel, address, language, status, attempts, next_attempt_at, created_at)
                values (:item, :channel, :address, :language, 'PENDING', 0, :now, :now) returning id""")
                .param("item", itemId).param("channel", channel.name()).param("address", address)
                .param("language", language).param("now", Timestamp.from(now)).query(Long.class).single();
    }

    private void sendAfterCommit(List<Long> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            dispatcher.dispatch(deliveries);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                dispatcher.dispatch(deliveries);
            }
        });
    }
}
