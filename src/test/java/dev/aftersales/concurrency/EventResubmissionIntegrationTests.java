package dev.aftersales.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.aftersales.ordering.CancellationReason;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.payments.internal.LocalPaymentProvider;
import dev.aftersales.platform.events.EventResubmission;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.FailingReaction;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.LedgerInvariants;
import dev.aftersales.support.LedgerInvariants.Ledger;
import dev.aftersales.support.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A reaction that failed is not left until the next restart: the node resubmits it once it is older than the
 * resubmission age, names it in the log while it keeps failing, counts it in a gauge, lets one node at a time
 * resubmit, and a reaction resubmitted after it had already done its work does nothing twice.
 */
@AftersalesIntegrationTest
class EventResubmissionIntegrationTests {

    @Autowired
    EventResubmission resubmission;
    @Autowired
    FailingReaction reaction;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    MeterRegistry meters;
    @Autowired
    MutableClock clock;
    @Autowired
    Fixtures fixtures;
    @Autowired
    OrderManagement orders;
    @Autowired
    LedgerInvariants ledger;
    @Autowired
    LocalPaymentProvider provider;

    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(EventResubmission.class);

    @BeforeEach
    void setUp() {
        clock.reset();
        provider.recover();
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void tearDown() {
        logger.detachAppender(log);
        clock.reset();
    }

    String publishProbe(int failures) {
        String id = UUID.randomUUID().toString();
        reaction.failNext(id, failures);
        transaction.executeWithoutResult(status -> events.publishEvent(new FailingReaction.Probe(id)));
        return id;
    }

    boolean completed(String probeId) {
        return jdbc.queryForObject("select completion_date is not null from event_publication "
                + "where serialized_event like ?", Boolean.class, "%" + probeId + "%");
    }

    double gauge() {
        return meters.get("aftersales.events.incomplete").gauge().value();
    }

    @Test
    void aReactionThatFailedIsResubmittedWhileTheNodeRunsAndNamedWhileItKeepsFailing() {
        String id = publishProbe(2);
        assertThat(reaction.runs(id)).as("it ran, and failed, right after the commit").isEqualTo(1);
        assertThat(completed(id)).isFalse();

        resubmission.resubmitDue();
        assertThat(reaction.runs(id)).as("not before the resubmission age").isEqualTo(1);

        clock.advance(Duration.ofMinutes(6));
        EventResubmission.Pass first = resubmission.resubmitDue();
        assertThat(first.ran()).isTrue();
        assertThat(reaction.runs(id)).isEqualTo(2);
        assertThat(completed(id)).as("it failed again").isFalse();
        assertThat(gauge()).as("counted as incomplete").isGreaterThanOrEqualTo(1);
        assertThat(warnings(id)).as("not named before it failed on a resubmission").isEmpty();

        EventResubmission.Pass second = resubmission.resubmitDue();
        assertThat(second.ran()).isTrue();
        assertThat(warnings(id)).singleElement().satisfies(line -> assertThat(line)
                .contains("dev.aftersales.support.FailingReaction$Probe").contains("FailingReaction.on")
                .contains("after 2 attempts"));
        assertThat(reaction.runs(id)).isEqualTo(3);
        assertThat(reaction.completions(id)).isEqualTo(1);
        assertThat(completed(id)).isTrue();
        assertThat(gauge()).isEqualTo(second.stillIncomplete());

        resubmission.resubmitDue();
        assertThat(reaction.runs(id)).as("a completed reaction is not run again").isEqualTo(3);
    }

    @Test
    void whileAnotherNodeResubmitsThisOneWaitsForItsNextPass() throws Exception {
        String id = publishProbe(1);
        clock.advance(Duration.ofMinutes(6));
        try (Connection otherNode = dataSource.getConnection()) {
            assertThat(advisory(otherNode, "pg_try_advisory_lock")).isTrue();
            EventResubmission.Pass skipped = resubmission.resubmitDue();
            assertThat(skipped.ran()).isFalse();
            assertThat(reaction.runs(id)).isEqualTo(1);
            assertThat(advisory(otherNode, "pg_advisory_unlock")).isTrue();
        }
        assertThat(resubmission.resubmitDue().ran()).isTrue();
        assertThat(reaction.completions(id)).isEqualTo(1);
        assertThat(completed(id)).isTrue();
    }

    /**
     * The oversold cancellation's reaction resubmitted after it had done its work (a node that stopped before
     * recording the completion): no second case, no second refund or compensation.
     */
    @Test
    void theOversoldReactionResubmittedAfterItsWorkWasDoneActsOnce() {
        OrderDetails order = fixtures.paidOrder(fixtures.world());
        orders.cancel(order.orderNumber(), CancellationReason.OVERSOLD, "flash sale", "STOREFRONT");
        Ledger before = ledger.assertHold(order.id());
        assertThat(before.netRefundedMinor()).isEqualTo(order.paid().minor());
        int reopened = jdbc.update("""
                update event_publication set completion_date = null, status = 'FAILED'
                where listener_id like '%SystemCaseReactions.on(dev.aftersales.ordering.OrderCancelled)%'
                  and serialized_event like ?""", "%\"orderNumber\":\"" + order.orderNumber() + "\"%");
        assertThat(reopened).isEqualTo(1);

        clock.advance(Duration.ofMinutes(6));
        assertThat(resubmission.resubmitDue().ran()).isTrue();

        assertThat(jdbc.queryForObject("select count(*) from claims where order_id = ? and type = 'ORDER_CANCELLED'",
                Integer.class, order.id())).isEqualTo(1);
        Ledger after = ledger.assertHold(order.id());
        assertThat(after.movements()).hasSameSizeAs(before.movements());
        assertThat(after.count("COMPENSATION", "OVERSOLD")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from event_publication where completion_date is null "
                + "and serialized_event like ?", Integer.class, "%\"orderNumber\":\"" + order.orderNumber() + "\"%"))
                .isZero();
    }

    /** The WARN lines naming this probe's publication. */
    List<String> warnings(String probeId) {
        String publication = jdbc.queryForObject("select id::text from event_publication where serialized_event like ?",
                String.class, "%" + probeId + "%");
        return log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains(publication)).toList();
    }

    private static boolean advisory(Connection connection, String function) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("select " + function + "(?)")) {
            statement.setLong(1, 0x41532d4556454e54L);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
