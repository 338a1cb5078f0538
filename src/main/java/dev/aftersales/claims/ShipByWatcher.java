package dev.aftersales.claims;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ship-by watcher (docs/system-cases.md#the-watchers): a paid order past its ship-by time without valid tracking,
 * either unshipped or "shipped" only with tracking numbers flagged as fake, gets a NO_TRACKING case opened by the
 * system. Each order is handled in its own transaction and rechecked there; one open case per order line and type (a
 * unique index) makes a second pass, or a second node, open nothing more.
 */
@Component
public class ShipByWatcher {

    private static final Logger log = LoggerFactory.getLogger(ShipByWatcher.class);
    private static final int BATCH = 200;

    private final JdbcTemplate jdbc;
    private final SystemCases cases;
    private final Clock clock;
    private final TransactionTemplate tx;

    ShipByWatcher(JdbcTemplate jdbc, SystemCases cases, Clock clock, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactionManager);
    }

    /** @return how many NO_TRACKING cases were opened */
    public int runDue() {
        Instant now = clock.instant();
        List<Long> due = jdbc.queryForList("""
                select o.id from orders o
                where o.ship_by < ?
                  and (
                    (o.status = 'AWAITING_SHIPMENT'
                      and not exists (select 1 from claims c where c.order_id = o.id and c.type = 'NO_TRACKING'))
                    or (o.status = 'SHIPPED'
                      and exists (select 1 from tracking_flags f where f.order_id = o.id)
                      and not exists (select 1 from shipments s join tracking_events e on e.shipment_id = s.id
                                      where s.order_id = o.id and s.direction = 'OUTBOUND')
                      and not exists (select 1 from claims c where c.order_id = o.id and c.type = 'NO_TRACKING'
                                      and c.created_at >= (select max(f2.flagged_at) from tracking_flags f2
                                                           where f2.order_id = o.id))))
                  and exists (select 1 from order_lines l where l.order_id = o.id and l.quantity > coalesce(
                      (select sum(cl.quantity) from claim_lines cl join claims c3 on c3.id = cl.claim_id
                       where cl.order_line_id = l.id and c3.type = 'DELISTED' and c3.status <> 'WITHDRAWN'
                         and coalesce(c3.outcome, '') <> 'SUBSTITUTED'), 0))
                order by o.ship_by limit ?""", Long.class, Timestamp.from(now), BATCH);
        int opened = 0;
        for (Long orderId : due) {
            try {
                Optional<Long> claim = tx.execute(status -> cases.openNoTrackingIfDue(orderId));
                if (claim != null && claim.isPresent()) {
                    opened++;
                }
            } catch (DataIntegrityViolationException raced) {
                // another node opened it a moment ago
            } catch (RuntimeException e) {
                log.warn("Order {}: could not open its NO_TRACKING case: {}", orderId, e.getMessage());
            }
        }
        return opened;
    }

    /** Runs the watcher on a schedule (off with {@code aftersales.scheduling.enabled=false}; tests call runDue). */
    @Component
    @ConditionalOnProperty(name = "aftersales.scheduling.enabled", havingValue = "true", matchIfMissing = true)
    static class Schedule {

        private final ShipByWatcher watcher;

        Schedule(ShipByWatcher watcher) {
            this.watcher = watcher;
        }

        @Scheduled(fixedDelayString = "${aftersales.watchers.interval:60s}", initialDelayString = "30s")
        void scheduled() {
            int opened = watcher.runDue();
            if (opened > 0) {
                log.info("Opened {} NO_TRACKING cases past ship-by", opened);
            }
        }
    }
}
