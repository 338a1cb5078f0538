package dev.aftersales.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.QueryPlans;

/**
 * The sender reads the due deliveries from their partial index and checks "an earlier one of the claim is pending"
 * on the ordering index, never by reading every delivery.
 */
@AftersalesIntegrationTest
class WebhookSweepQueryPlanIntegrationTests {

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void dueDeliveriesAreReadFromThePendingIndexes() {
        var world = fixtures.world();
        QueryPlans.onBulkData(transactions, jdbc, world.shop().id(), world.buyer().id(), plans -> {
            jdbc.sql("""
                    insert into webhook_endpoints (shop_id, url, event_types, secret, secret_prefix, active,
                      created_at, created_by, changed_at)
                    select :shop, 'https://erp' || g || '.example.com/hook', 'CLAIM_MOVED', 'whsec_x', 'whsec_x',
                      g % 10 <> 0, now(), :seller, now()
                    from generate_series(1, 200) g""").param("shop", world.shop().id())
                    .param("seller", world.seller().id()).update();
            jdbc.sql("""
                    insert into webhook_deliveries (delivery_id, endpoint_id, event_key, event_type, shop_id,
                      ordering_key, body, status, attempts, created_at, give_up_at, next_attempt_at)
                    select gen_random_uuid(), e.id, 'bulk:' || g, 'claim.moved', :shop, 'claim:' || (g % 400), '{}',
                      case when g % 50 = 0 then 'PENDING' when g % 97 = 0 then 'FAILED' else 'DELIVERED' end, 1,
                      now(), now() + interval '1 day',
                      case when g % 50 = 0 then now() + (g % 7 - 3) * interval '1 minute' end
                    from webhook_endpoints e cross join generate_series(1, 100) g
                    where e.url like 'https://erp%.example.com/hook'""").param("shop", world.shop().id()).update();
            jdbc.sql("analyze webhook_endpoints, webhook_deliveries").update();
            var due = plans.explain(WebhookSender.DUE, Map.of("now", Timestamp.from(Instant.now()),
                    "afterAt", Timestamp.from(Instant.EPOCH), "afterId", 0L, "limit", 500));
            assertThat(due.seqScanned()).as(due.json()).doesNotContain("webhook_deliveries");
            assertThat(due.indexes()).as(due.json()).contains("webhook_deliveries_due_idx",
                    "webhook_deliveries_order_idx");
        });
    }
}
