package dev.aftersales.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.aftersales.identity.UserAccount;
import dev.aftersales.shared.Role;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.EarlierWorkParked;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.FormLogin;
import dev.aftersales.support.MutableClock;
import dev.aftersales.support.PageText;
import dev.aftersales.support.WebhookReceiver;
import dev.aftersales.support.WebhookReceiver.Answer;

/**
 * The webhook pages through the real login, CSRF and templates: the secret shown once, refusals next to the field,
 * the deliveries with their answers and the redeliver button, and nothing of another shop.
 */
@AftersalesIntegrationTest
class WebhookPagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    WebhookManagement webhooks;
    @Autowired
    WebhookOutbox outbox;
    @Autowired
    WebhookSender sender;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    MutableClock clock;

    WebhookReceiver receiver;
    World world;
    RequestPostProcessor seller;

    @BeforeEach
    void setUp() throws Exception {
        clock.reset();
        EarlierWorkParked.park(jdbcTemplate);
        receiver = new WebhookReceiver();
        world = fixtures.world();
        seller = FormLogin.signIn(mvc, world.seller());
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    private Document page(String path, RequestPostProcessor as) throws Exception {
        return PageText.parse(mvc.perform(get(path).with(as)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private long endpointCount() {
        return jdbc.sql("select count(*) from webhook_endpoints where shop_id = :shop")
                .param("shop", world.shop().id()).query(Long.class).single();
    }

    @Test
    void registeringShowsTheSecretOnceAndAfterwardsOnlyItsStart() throws Exception {
        mvc.perform(post("/seller/webhooks").with(seller).with(csrf()).param("url", "https://erp.example.com/hook")
                .param("eventTypes", "claim.filed", "claim.closed"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/seller/webhooks"));

        Document shown = page("/seller/webhooks", seller);
        String secret = shown.select("#issued-secret code").text();
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(shown.select(".endpoint-url").text()).isEqualTo("https://erp.example.com/hook");
        assertThat(shown.select(".webhook-endpoint").text()).contains("Claim filed", "Claim closed")
                .doesNotContain("Claim moved");

        Document later = page("/seller/webhooks", seller);
        assertThat(later.select("#issued-secret")).isEmpty();
        assertThat(later.html()).doesNotContain(secret).contains(secret.substring(0, 10) + "…");

        long id = webhooks.endpoints(world.sellerUser(), 1).get(0).id();
        mvc.perform(post("/seller/webhooks/{id}/rotate", id).with(seller).with(csrf()))
                .andExpect(redirectedUrl("/seller/webhooks"));
        String rotated = page("/seller/webhooks", seller).select("#issued-secret code").text();
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
    }

    @Test
    void aPlainHttpAddressElsewhereIsRefusedAtTheFieldAndNothingIsSaved() throws Exception {
        String html = mvc.perform(post("/seller/webhooks").with(seller).with(csrf())
                .param("url", "http://erp.example.com/hook").param("eventTypes", "claim.filed"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        Document refused = PageText.parse(html);
        assertThat(refused.select("#url").hasClass("is-invalid")).isTrue();
        assertThat(refused.select("#url").attr("value")).isEqualTo("http://erp.example.com/hook");
        assertThat(refused.select("#url-error").text()).contains("https://").contains("localhost");
        assertThat(refused.select("#type-claim\\.filed").hasAttr("checked")).isTrue();

        Document noEvents = PageText.parse(mvc.perform(post("/seller/webhooks").with(seller).with(csrf())
                .param("url", "https://erp.example.com/hook")).andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString());
        assertThat(noEvents.select("#eventTypes-error").text()).isEqualTo("Choose at least one event.");
        assertThat(noEvents.select("#url-error")).isEmpty();

        Document both = PageText.parse(mvc.perform(post("/seller/webhooks").with(seller).with(csrf())
                .param("url", "ftp://erp.example.com/hook").param("eventTypes", "claim.nothing"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(both.select("#url-error").text()).startsWith("Enter a full address");
        assertThat(both.select("#eventTypes-error").text()).isEqualTo("Choose at least one event.");
        assertThat(endpointCount()).isZero();
    }

    @Test
    void theDeliveriesShowTheirAnswerAndAFinishedOneCanBeDeliveredAgain() throws Exception {
        var endpoint = webhooks.register(world.sellerUser(), receiver.url(), List.of("claim.moved"));
        receiver.answer(r -> r.index() == 1 ? new Answer(500, "try later") : new Answer(200, "thanks"));
        outbox.enqueue(new WebhookEvent("page:1", WebhookEventType.CLAIM_MOVED, world.shop().id(), "claim:page-1",
                clock.instant(), java.util.Map.of("n", 1)));
        sender.sendDue();

        Document pending = page("/seller/webhooks", seller);
        assertThat(pending.select(".webhook-deliveries tbody tr")).singleElement().satisfies(row -> {
            assertThat(row.select(".delivery-status").text()).isEqualTo("pending");
            assertThat(row.text()).contains("500", "try later", "Claim moved");
            assertThat(row.select("button")).as("no redeliver while it is tried").isEmpty();
        });
        long deliveryId = jdbc.sql("select id from webhook_deliveries where endpoint_id = :e")
                .param("e", endpoint.endpointId()).query(Long.class).single();
        mvc.perform(post("/seller/webhooks/deliveries/{id}/redeliver", deliveryId).with(seller).with(csrf()))
                .andExpect(redirectedUrl("/seller/webhooks"));
        assertThat(page("/seller/webhooks", seller).select(".alert-danger").text())
                .contains("still being tried");

        clock.advance(java.time.Duration.ofMinutes(1));
        sender.sendDue();
        Document delivered = page("/seller/webhooks/" + endpoint.endpointId() + "/deliveries", seller);
        assertThat(delivered.select(".webhook-deliveries tbody tr")).singleElement().satisfies(row -> {
            assertThat(row.select(".delivery-status").text()).isEqualTo("delivered");
            assertThat(row.text()).contains("200", "thanks");
        });

        mvc.perform(post("/seller/webhooks/deliveries/{id}/redeliver", deliveryId).with(seller).with(csrf()))
                .andExpect(redirectedUrl("/seller/webhooks"));
        assertThat(page("/seller/webhooks", seller).select(".webhook-deliveries tbody tr .delivery-status")
                .eachText()).containsExactly("pending", "delivered");
        sender.sendDue();
        assertThat(receiver.received()).hasSize(3);
    }

    @Test
    void aSellerNeitherSeesNorTouchesAnotherShopsEndpointsAndDeliveries() throws Exception {
        var theirs = webhooks.register(world.sellerUser(), receiver.url(), List.of("claim.moved"));
        outbox.enqueue(new WebhookEvent("page:other", WebhookEventType.CLAIM_MOVED, world.shop().id(),
                "claim:page-other", clock.instant(), java.util.Map.of("n", 1)));
        sender.sendDue();
        long delivery = jdbc.sql("select id from webhook_deliveries where endpoint_id = :e")
                .param("e", theirs.endpointId()).query(Long.class).single();

        World other = fixtures.world();
        RequestPostProcessor stranger = FormLogin.signIn(mvc, other.seller());
        assertThat(page("/seller/webhooks", stranger).html()).doesNotContain(receiver.url());
        mvc.perform(get("/seller/webhooks/{id}/deliveries", theirs.endpointId()).with(stranger))
                .andExpect(status().isNotFound());
        mvc.perform(post("/seller/webhooks/deliveries/{id}/redeliver", delivery).with(stranger).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/seller/webhooks/{id}/disable", theirs.endpointId()).with(stranger).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/seller/webhooks/{id}/rotate", theirs.endpointId()).with(stranger).with(csrf()))
                .andExpect(status().isNotFound());

        UserAccount admin = fixtures.account(Role.ADMIN, null);
        RequestPostProcessor platform = FormLogin.signIn(mvc, admin);
        assertThat(page("/admin/webhooks", platform).html()).as("the admin's page holds the platform's endpoints")
                .doesNotContain(receiver.url());
        mvc.perform(get("/admin/webhooks/{id}/deliveries", theirs.endpointId()).with(platform))
                .andExpect(status().isNotFound());

        assertThat(jdbc.sql("select count(*) from webhook_deliveries where endpoint_id = :e")
                .param("e", theirs.endpointId()).query(Long.class).single()).isEqualTo(1);
        var mine = webhooks.endpoints(world.sellerUser(), 10).get(0);
        assertThat(mine.active()).isTrue();
        assertThat(mine.secretPrefix()).isEqualTo(theirs.secret().substring(0, 10));
        mvc.perform(get("/buyer/orders").with(stranger)).andExpect(status().isForbidden());
    }

    @Test
    void aFormWithoutTheCsrfTokenChangesNothing() throws Exception {
        var endpoint = webhooks.register(world.sellerUser(), receiver.url(), List.of("claim.moved"));
        mvc.perform(post("/seller/webhooks").with(seller).param("url", "https://erp.example.com/hook")
                .param("eventTypes", "claim.filed")).andExpect(status().isForbidden());
        mvc.perform(post("/seller/webhooks/{id}/disable", endpoint.endpointId()).with(seller))
                .andExpect(status().isForbidden());
        assertThat(endpointCount()).isEqualTo(1);
        assertThat(webhooks.endpoints(world.sellerUser(), 1).get(0).active()).isTrue();
    }

    @Test
    void disablingKeepsTheEndpointWithItsDeliveries() throws Exception {
        var endpoint = webhooks.register(world.sellerUser(), receiver.url(), List.of("claim.moved"));
        mvc.perform(post("/seller/webhooks/{id}/disable", endpoint.endpointId()).with(seller).with(csrf()))
                .andExpect(redirectedUrl("/seller/webhooks"));
        Document disabled = page("/seller/webhooks", seller);
        assertThat(disabled.select("#endpoint-" + endpoint.endpointId() + " .badge").text()).isEqualTo("disabled");
        assertThat(disabled.select("#endpoint-" + endpoint.endpointId() + " button").eachText()).contains("Enable");
        assertThat(endpointCount()).isEqualTo(1);
    }
}
