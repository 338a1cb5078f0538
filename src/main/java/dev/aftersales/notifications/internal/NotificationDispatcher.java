package dev.aftersales.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.aftersales.identity.AccountManagement;
import dev.aftersales.shared.web.Formats;

/**
 * Sends pending deliveries, each in its own transaction that holds the delivery's row
 * ({@code FOR UPDATE SKIP LOCKED}) while it sends: a delivery being sent by another thread or node is skipped, and
 * one marked SENT is never sent again. A failure is recorded with the time of the next attempt (backoff doubling up
 * to a limit) for {@link NotificationRetrySweep}; after the last allowed attempt the delivery is marked FAILED.
 * <p>
 * <b>At least once.</b> The mail server accepting an email and the commit that marks it SENT cannot be one atomic
 * step: a node that stops between the two leaves the delivery PENDING, and the retry sweep sends it again. An email
 * (and a text message) is therefore delivered at least once, rarely twice, never lost while attempts remain. Every
 * send of one notification carries the same {@code Message-ID} ({@code <notification-ITEM@DOMAIN>}, the inbox
 * item's id and {@code aftersales.notifications.email.message-id-domain}), so mail systems and clients that
 * recognise a repeated Message-ID show it once.
 */
@Component
class NotificationDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate newTransaction;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final SmsGateway sms;
    private final MessageSource messages;
    private final Formats formats;
    private final AccountManagement accounts;
    private final NotificationSettings settings;
    private final Clock clock;

    NotificationDispatcher(JdbcClient jdbc, PlatformTransactionManager transactions,
            ObjectProvider<JavaMailSender> mailSender, SmsGateway sms, MessageSource messages,
            Formats formats, AccountManagement accounts, NotificationSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.mailSender = mailSender;
        this.sms = sms;
        this.messages = messages;
        this.formats = formats;
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
    }

    /** Sends these deliveries now; what fails is left for the retry sweep. */
    void dispatch(Collection<Long> deliveryIds) {
        for (Long id : deliveryIds) {
            try {
                send(id);
            } catch (RuntimeException e) {
                log.warn("Notification delivery {} left for the retry sweep: {}", id, e.getMessage());
            }
        }
    }

    /** @return true when this call sent the delivery */
    boolean send(long deliveryId) {
        Boolean sent = newTransaction.execute(tx -> {
            Optional<Pending> pending = jdbc.sql("""
                    select d.id, d.item_id, d.channel, d.address, d.language, d.attempts, i.recipient_id,
                           i.message_code, i.args, i.link
                    from notification_deliveries d join inbox_items i on i.id = d.item_id
                    where d.id = :id and d.status = 'PENDING' for update of d skip locked""")
                    .param("id", deliveryId)
                    .query((rs, n) -> new Pending(rs.getLong("id"), rs.getLong("item_id"),
                            Channel.valueOf(rs.getString("channel")),
                            rs.getString("address"), Locale.forLanguageTag(rs.getString("language")),
                            rs.getInt("attempts"), rs.getLong("recipient_id"), rs.getString("message_code"),
                            Arrays.asList((String[]) rs.getArray("args").getArray()), rs.getString("link")))
                    .optional();
            if (pending.isEmpty()) {
                return false;
            }
            Pending delivery = pending.get();
            Instant now = clock.instant();
            try {
                deliver(delivery);
            } catch (RuntimeException | MessagingException e) {
                failed(delivery, now, e);
                return false;
            }
            jdbc.sql("""
                    update notification_deliveries set status = 'SENT', attempts = attempts + 1, sent_at = :now,
                      next_attempt_at = null, last_error = null where id = :id""")
                    .param("now", Timestamp.from(now)).param("id", delivery.id()).update();
            return true;
        });
        return Boolean.TRUE.equals(sent);
    }

    private void deliver(Pending delivery) throws MessagingException {
        String text = NoticeText.render(formats, delivery.code(), delivery.args(), delivery.language());
        String link = delivery.link() == null ? settings.getBaseUrl() + "/inbox" : settings.getBaseUrl() + delivery.link();
        if (delivery.channel() == Channel.SMS) {
            sms.send(delivery.address(), messages.getMessage("notifications.sms.text", new Object[] { text, link },
                    delivery.language()));
            return;
        }
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("No mail server is configured (spring.mail.host)");
        }
        String name = accounts.account(delivery.recipientId()).displayName();
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper mail = new MimeMessageHelper(message, false, "UTF-8");
        mail.setFrom(settings.getEmail().getFrom());
        mail.setTo(delivery.address());
        mail.setSubject(messages.getMessage("notifications.email.subject", new Object[] { text },
                delivery.language()));
        mail.setText(messages.getMessage("notifications.email.body", new Object[] { name, text, link },
                delivery.language()), false);
        // the same for every send of this notification (kept by the sender instead of a new random one)
        message.setHeader("Message-ID", messageId(delivery.itemId()));
        sender.send(message);
    }

    private void failed(Pending delivery, Instant now, Exception e) {
        int attempts = delivery.attempts() + 1;
        boolean giveUp = attempts >= settings.getRetry().getMaxAttempts();
        String error = String.valueOf(e.getMessage());
        log.warn("Notification delivery {} ({}) failed, attempt {}{}: {}", delivery.id(), delivery.channel(),
                attempts, giveUp ? ", giving up" : "", error);
        jdbc.sql("""
                update notification_deliveries set attempts = :attempts, status = :status, last_error = :error,
                  next_attempt_at = :next where id = :id""")
                .param("attempts", attempts).param("status", giveUp ? "FAILED" : "PENDING")
                .param("error", error.length() > 500 ? error.substring(0, 500) : error)
                .param("next", giveUp ? null : Timestamp.from(now.plus(settings.getRetry().backoffAfter(attempts))))
                .param("id", delivery.id()).update();
    }

    static final String DUE = """
            select id, next_attempt_at from notification_deliveries
            where status = 'PENDING' and next_attempt_at <= :now
              and next_attempt_at >= :afterAt and (next_attempt_at, id) > (:afterAt, :afterId)
            order by next_attempt_at, id limit :limit""";

    /** Pending deliveries whose next attempt is due, oldest first, after the given one ({@code null}: the first). */
    List<Due> due(Instant now, Due after, int limit) {
        return jdbc.sql(DUE).param("now", Timestamp.from(now))
                .param("afterAt", Timestamp.from(after == null ? Instant.EPOCH : after.nextAttemptAt()))
                .param("afterId", after == null ? 0L : after.deliveryId()).param("limit", limit)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getTimestamp(2).toInstant())).list();
    }

    /** A delivery whose next attempt is due. */
    record Due(long deliveryId, Instant nextAttemptAt) {
    }

    /** The Message-ID every email of this inbox item carries. */
    String messageId(long itemId) {
        return "<notification-" + itemId + "@" + settings.getEmail().getMessageIdDomain() + ">";
    }

    private record Pending(long id, long itemId, Channel channel, String address, Locale language, int attempts,
            long recipientId, String code, List<String> args, String link) {
    }
}
