package dev.aftersales.support;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Before each integration test class, the work that earlier classes left due in the shared test database is put out
 * of the sweeps' reach: claim deadlines move a hundred years on, late unshipped orders count as acted on, parcels'
 * first-scan and stall checks as settled, fake-tracking flags as followed up, pending webhook deliveries a hundred years on. A class moves its clock days ahead;
 * without this, its first sweep would also work off every open claim, late order and quiet parcel the whole suite
 * had left behind so far, which made the classes slow and dependent on the order they run in. What a class creates
 * itself is untouched, so its own sweeps meet its own data (and whatever its earlier tests left, as before).
 */
public class EarlierWorkParked implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        park(SpringExtension.getApplicationContext(context).getBean(JdbcTemplate.class));
    }

    /** Parks what is due now; a class whose tests each drain everything due calls it before each test too. */
    public static void park(JdbcTemplate jdbc) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("update claims set deadline_at = deadline_at + interval '100 years' "
                + "where deadline_at is not null and deadline_at < now() + interval '50 years'");
        jdbc.update("update orders set ship_by_lapse_noted_at = ? "
                + "where status = 'AWAITING_SHIPMENT' and ship_by_lapse_noted_at is null", now);
        jdbc.update("update shipments set first_scan_settled = true "
                + "where direction = 'OUTBOUND' and not first_scan_settled");
        jdbc.update("update shipments set stall_noticed_for = last_movement_at where direction = 'OUTBOUND' "
                + "and not tracking_ended and stall_noticed_for is distinct from last_movement_at");
        jdbc.update("update tracking_flags set followed_up_at = ? where followed_up_at is null", now);
        jdbc.update("update webhook_deliveries set next_attempt_at = next_attempt_at + interval '100 years' "
                + "where status = 'PENDING' and next_attempt_at < now() + interval '50 years'");
    }
}
