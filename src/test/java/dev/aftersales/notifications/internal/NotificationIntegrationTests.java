package dev.aftersales.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.identity.AccountManagement;
import dev.aftersales.identity.NewAccount;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.shared.NotFound;
import dev.aftersales.shared.NoticeRequested;
import dev.aftersales.shared.Role;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.MutableClock;

/**
 * The outbox end to end on PostgreSQL with a real SMTP server (GreenMail) inside the test JVM: emails in the
 * recipient's language with the page's absolute link, a mail server that is down and comes back, an event delivered
 * twice, the 12-hour reminder moved by the clock, and inbox items that belong to their recipient only.
 */
@AftersalesIntegrationTest
class NotificationIntegrationTests {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    AccountManagement accounts;
    @Autowired
    InboxManagement inbox;
    @Autowired
    NotificationRetrySweep retrySweep;
    @Autowired
    DeadlineReminderSweep reminderSweep;
    @Autowired
    JavaMailSenderImpl mailSender;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    NotificationWriter writer;

    GreenMail smtp;
    World world;
    OrderDetails order;

    @BeforeEach
    void setUp() {
        clock.reset();
        startSmtp();
        world = fixtures.world();
        order = fixtures.paidOrder(world);
        fixtures.deliver(order, 2_000);
    }

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        mailSender.setHost("127.0.0.1");
        mailSender.setPort(smtp.getSmtp().getPort());
    }

    UserAccount staff(String email, String language) {
        String username = Fixtures.unique("staff");
        UserAccount account = accounts.create(new NewAccount(username, Fixtures.PASSWORD, Role.SELLER,
                "Staff " + username, email, null, world.shop().id(), null));
        if (language != null) {
            accounts.preferLanguage(account.id(), language);
        }
        return account;
    }

    long fileMissing() {
        return claims.file(ClaimFilings.oneAppleBoxMissing(order), world.buyerUser());
    }

    List<MimeMessage> mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    List<InboxManagement.InboxEntry> itemsOf(UserAccount account, Locale locale) {
        return inbox.page(account.toCurrentUser(), PageRequest.of(0, 50), locale).getContent();
    }

    @Test
    void aNewClaimEmailsEachSellerInTheirLanguageWithTheLinkToTheClaim() throws Exception {
        String english = Fixtures.unique("en") + "@shop.example";
        String chinese = Fixtures.unique("zh") + "@shop.example";
        UserAccount englishStaff = staff(english, "en");
        UserAccount chineseStaff = staff(chinese, null);

        long claimId = fileMissing();
        String number = claims.claim(claimId, world.buyerUser()).claimNumber();

        List<MimeMessage> en = mailTo(english);
        assertThat(en).hasSize(1);
        assertThat(en.get(0).getSubject()).isEqualTo("Aftersales: New claim " + number
                + " (Missing item): Waiting for the seller. Answer due by "
                + jdbcDue(claimId) + " (in 2 days).");
        assertThat(GreenMailUtil.getBody(en.get(0))).contains("Hello " + englishStaff.displayName())
                .contains("http://localhost:8080/seller/claims/" + claimId);
        assertThat(en.get(0).getFrom()[0].toString()).isEqualTo("aftersales@localhost");

        List<MimeMessage> zh = mailTo(chinese);
        assertThat(zh).hasSize(1);
        assertThat(zh.get(0).getSubject()).startsWith("售后服务台：新售后单 " + number + "（少件").contains("等待卖家处理");
        assertThat(zh.get(0).getContent().toString()).contains(chineseStaff.displayName() + "，您好")
                .contains("http://localhost:8080/seller/claims/" + claimId);

        assertThat(itemsOf(englishStaff, Locale.ENGLISH)).singleElement().satisfies(item -> {
            assertThat(item.text()).startsWith("New claim " + number);
            assertThat(item.link()).isEqualTo("/seller/claims/" + claimId);
            assertThat(item.read()).isFalse();
        });
        assertThat(itemsOf(world.buyer(), Locale.ENGLISH)).as("the buyer made the move").isEmpty();
    }

    String jdbcDue(long claimId) {
        Instant due = jdbc.sql("select due_at from claims where id = :id").param("id", claimId)
                .query(java.sql.Timestamp.class).single().toInstant();
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(due.atZone(java.time.ZoneId.of("Asia/Shanghai")));
    }

    @Test
    void anEmailRefusedWhileTheMailServerIsDownIsSentOnceWhenItComesBack() {
        String address = Fixtures.unique("down") + "@shop.example";
        UserAccount seller = staff(address, "en");
        smtp.stop();
        smtp = null;

        long claimId = fileMissing();

        assertThat(itemsOf(seller, Locale.ENGLISH)).hasSize(1);
        assertThat(delivery(seller)).containsEntry("status", "PENDING").containsEntry("attempts", 1);
        assertThat(retrySweep.retryDue()).as("not due before its backoff").isZero();

        clock.advance(Duration.ofSeconds(61));
        assertThat(retrySweep.retryDue()).as("still down").isZero();
        assertThat(delivery(seller)).containsEntry("status", "PENDING").containsEntry("attempts", 2);

        startSmtp();
        clock.advance(Duration.ofMinutes(1));
        assertThat(retrySweep.retryDue()).as("the second backoff is two minutes").isZero();
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(retrySweep.retryDue()).isGreaterThanOrEqualTo(1);
        assertThat(mailTo(address)).singleElement()
                .satisfies(m -> assertThat(GreenMailUtil.getBody(m)).contains("/seller/claims/" + claimId));
        assertThat(delivery(seller)).containsEntry("status", "SENT").containsEntry("attempts", 3);

        clock.advance(Duration.ofHours(2));
        retrySweep.retryDue();
        assertThat(mailTo(address)).as("never sent twice").hasSize(1);
    }

    Map<String, Object> delivery(UserAccount recipient) {
        return jdbc.sql("""
                select d.status, d.attempts from notification_deliveries d join inbox_items i on i.id = d.item_id
                where i.recipient_id = :id and d.channel = 'EMAIL'""").param("id", recipient.id())
                .query().singleRow();
    }

    @Test
    void theSameEventDeliveredTwiceMakesOneItemAndOneEmail() {
        String address = Fixtures.unique("twice") + "@buyer.example";
        UserAccount buyer = accounts.create(new NewAccount(Fixtures.unique("buyer"), Fixtures.PASSWORD, Role.BUYER,
                "Twice Buyer", address, null, null, Fixtures.unique("ext")));
        NoticeRequested notice = new NoticeRequested("test-notice:" + UUID.randomUUID(), buyer.id(), null,
                "notifications.payment.refund", List.of("¥1.00", "#T-TWICE"), "/buyer/orders", null,
                clock.instant());

        for (int i = 0; i < 2; i++) {
            transaction.executeWithoutResult(tx -> events.publishEvent(notice));
        }

        assertThat(itemsOf(buyer, Locale.ENGLISH)).singleElement().satisfies(item -> {
            assertThat(item.text()).isEqualTo("A refund of ¥1.00 for order #T-TWICE has been paid to you.");
            assertThat(item.link()).isEqualTo("/buyer/orders");
        });
        assertThat(mailTo(address)).hasSize(1);
        assertThat(retrySweep.retryDue()).isZero();
        assertThat(mailTo(address)).hasSize(1);
    }

    @Test
    void theSellerIsRemindedOnceTwelveHoursBeforeTheDueTime() {
        UserAccount seller = staff(Fixtures.unique("remind") + "@shop.example", "en");
        long claimId = fileMissing();
        String number = claims.claim(claimId, world.buyerUser()).claimNumber();

        clock.advance(Duration.ofHours(35).plusMinutes(59));
        reminderSweep.runDue();
        assertThat(reminders(seller)).as("13 hours before").isEmpty();

        clock.advance(Duration.ofMinutes(2));
        reminderSweep.runDue();
        assertThat(reminders(seller)).singleElement().satisfies(text -> assertThat(text)
                .isEqualTo("Claim " + number + ": your answer is due by " + jdbcDue(claimId) + " (in 11 hours)."));
        assertThat(reminders(world.seller())).hasSize(1);
        assertThat(reminders(world.buyer())).as("not the buyer's move").isEmpty();
        assertThat(jdbc.sql("""
                select count(*) from notification_deliveries d join inbox_items i on i.id = d.item_id
                where i.recipient_id = :id and d.channel = 'SMS' and d.status = 'SENT'""")
                .param("id", world.seller().id()).query(Long.class).single()).as("urgent: a text message").isOne();

        reminderSweep.runDue();
        clock.advance(Duration.ofHours(6));
        reminderSweep.runDue();
        assertThat(reminders(seller)).hasSize(1);
    }

    List<String> reminders(UserAccount account) {
        return itemsOf(account, Locale.ENGLISH).stream().map(InboxManagement.InboxEntry::text)
                .filter(t -> t.contains("your answer is due by")).toList();
    }

    @Test
    void nobodyReadsOrMarksAnotherUsersItem() {
        long claimId = fileMissing();
        InboxManagement.InboxEntry sellers = itemsOf(world.seller(), Locale.ENGLISH).get(0);
        UserAccount other = fixtures.account(Role.SELLER, fixtures.world().shop().id());

        assertThatThrownBy(() -> inbox.markRead(world.buyerUser(), sellers.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> inbox.open(other.toCurrentUser(), sellers.id())).isInstanceOf(NotFound.class);
        assertThat(inbox.markAllRead(other.toCurrentUser())).isZero();
        assertThat(itemsOf(world.seller(), Locale.ENGLISH).get(0).read()).isFalse();

        assertThat(inbox.open(world.sellerUser(), sellers.id())).isEqualTo("/seller/claims/" + claimId);
        assertThat(itemsOf(world.seller(), Locale.ENGLISH).get(0).read()).isTrue();
    }

    @Test
    void anEmailWhoseNodeStoppedRightAfterTheCommitIsSentByTheSweep() {
        String address = Fixtures.unique("crash") + "@buyer.example";
        UserAccount buyer = accounts.create(new NewAccount(Fixtures.unique("buyer"), Fixtures.PASSWORD, Role.BUYER,
                "Crash Buyer", address, null, null, Fixtures.unique("ext")));
        Notice notice = new Notice("test-crash:" + UUID.randomUUID(), "notifications.claim.generic",
                List.of("AS-CRASH", "", "#claim.status.RESOLVED"), false,
                List.of(new Notice.Recipient(buyer.id(), "/buyer/claims")));

        transaction.executeWithoutResult(tx -> {
            writer.write(notice);
            // the node stops after the commit, before its after-commit work: nothing of it runs
            org.springframework.transaction.support.TransactionSynchronizationManager.clearSynchronization();
            org.springframework.transaction.support.TransactionSynchronizationManager.initSynchronization();
        });
        assertThat(itemsOf(buyer, Locale.ENGLISH)).singleElement()
                .satisfies(item -> assertThat(item.text()).isEqualTo("Claim AS-CRASH: Resolved"));
        assertThat(mailTo(address)).as("not sent yet").isEmpty();

        assertThat(retrySweep.retryDue()).isGreaterThanOrEqualTo(1);
        assertThat(mailTo(address)).singleElement().satisfies(m -> {
            try {
                assertThat(m.getSubject()).isEqualTo("售后服务台：售后单 AS-CRASH：已解决");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        });
        retrySweep.retryDue();
        assertThat(mailTo(address)).hasSize(1);
    }

    @Test
    void anEmailSentAgainAfterALostCommitCarriesTheSameMessageId() throws Exception {
        String address = Fixtures.unique("again") + "@buyer.example";
        UserAccount buyer = accounts.create(new NewAccount(Fixtures.unique("buyer"), Fixtures.PASSWORD, Role.BUYER,
                "Again Buyer", address, null, null, Fixtures.unique("ext")));
        transaction.executeWithoutResult(tx -> events.publishEvent(new NoticeRequested(
                "test-again:" + UUID.randomUUID(), buyer.id(), null, "notifications.payment.refund",
                List.of("¥2.00", "#T-AGAIN"), "/buyer/orders", null, clock.instant())));
        assertThat(mailTo(address)).hasSize(1);
        long itemId = itemsOf(buyer, Locale.ENGLISH).get(0).id();

        // the node stopped after the mail server accepted the email and before its SENT was committed
        jdbc.sql("""
                update notification_deliveries set status = 'PENDING', next_attempt_at = :now, sent_at = null
                where item_id = :item and channel = 'EMAIL'""").param("now", java.sql.Timestamp.from(clock.instant()))
                .param("item", itemId).update();
        assertThat(retrySweep.retryDue()).isGreaterThanOrEqualTo(1);

        List<MimeMessage> sent = mailTo(address);
        assertThat(sent).as("sent at least once: here twice").hasSize(2);
        assertThat(sent.get(0).getMessageID()).isEqualTo("<notification-" + itemId + "@aftersales>")
                .isEqualTo(sent.get(1).getMessageID());
    }

    @Test
    void sweepsOnSeveralNodesAtOnceSendAPendingEmailOnce() throws Exception {
        String address = Fixtures.unique("nodes") + "@buyer.example";
        UserAccount buyer = accounts.create(new NewAccount(Fixtures.unique("buyer"), Fixtures.PASSWORD, Role.BUYER,
                "Nodes Buyer", address, null, null, Fixtures.unique("ext")));
        transaction.executeWithoutResult(tx -> {
            writer.write(new Notice("test-nodes:" + UUID.randomUUID(), "notifications.claim.resolved",
                    List.of("AS-NODES"), false, List.of(new Notice.Recipient(buyer.id(), "/buyer/claims"))));
            org.springframework.transaction.support.TransactionSynchronizationManager.clearSynchronization();
            org.springframework.transaction.support.TransactionSynchronizationManager.initSynchronization();
        });

        java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> passes = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                passes.add(nodes.submit(() -> {
                    start.await();
                    return retrySweep.retryDue();
                }));
            }
            start.countDown();
            for (var pass : passes) {
                pass.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            nodes.shutdownNow();
        }

        assertThat(mailTo(address)).hasSize(1);
        assertThat(jdbc.sql("""
                select d.status || ':' || d.attempts from notification_deliveries d
                join inbox_items i on i.id = d.item_id where i.recipient_id = :id""").param("id", buyer.id())
                .query(String.class).list()).containsExactly("SENT:1");
    }
}
