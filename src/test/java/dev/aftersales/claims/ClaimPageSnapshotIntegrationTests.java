package dev.aftersales.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.FormLogin;
import dev.aftersales.support.PageText;
import dev.aftersales.support.StatementGate;

/**
 * A page is read at one moment: a move committed while a claim page or an order page is being read (held between
 * two of its queries) shows on it wholly or not at all, never a status from before beside a timeline or a parcel
 * from after.
 */
@AftersalesIntegrationTest
class ClaimPageSnapshotIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    ClaimViews views;

    World world;
    ExecutorService reader = Executors.newSingleThreadExecutor();

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
    }

    @AfterEach
    void stopReader() {
        reader.shutdownNow();
    }

    @Test
    void aClaimsStatusAndTimelineAgreeWhenAMoveCommitsBetweenTheirReads() throws Exception {
        OrderDetails order = fixtures.paidOrder(world);
        fixtures.deliver(order, 1_200);
        long id = claims.file(ClaimFilings.missing(order, "A", 1, Remedy.RESHIP, "one box missing"), world.buyerUser());
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        // the seller's page has read the claim (waiting for the seller) and is held before it reads the timeline
        Future<ClaimView> page = reader.submit(() -> StatementGate.pausing(sql -> sql.contains("claim_timeline"),
                reached, release, () -> views.detail(id, world.sellerUser())));
        assertThat(reached.await(30, TimeUnit.SECONDS)).as("the page reached its timeline").isTrue();
        claims.accept(id, world.sellerUser(), null);
        release.countDown();
        ClaimView seen = page.get(30, TimeUnit.SECONDS);

        assertThat(seen.status()).isEqualTo(ClaimStatus.AWAITING_SELLER);
        assertThat(seen.timeline()).extracting(ClaimView.TimelineView::action).doesNotContain("ACCEPTED");
        assertThat(seen.timeline().get(seen.timeline().size() - 1).to()).isEqualTo(seen.status());
        assertThat(views.detail(id, world.sellerUser()).status()).isEqualTo(ClaimStatus.AWAITING_RESHIPMENT);
    }

    @Test
    void anOrderPagesHeaderAndParcelsAgreeWhenTheOrderShipsBetweenTheirReads() throws Exception {
        OrderDetails order = fixtures.paidOrder(world);
        RequestPostProcessor buyer = FormLogin.signIn(mvc, world.buyer());
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Pattern parcels = Pattern.compile("\\bfrom shipments\\b", Pattern.CASE_INSENSITIVE);

        // the buyer's order page has read the order (awaiting shipment) and is held before it reads the parcels
        Future<String> html = reader.submit(() -> StatementGate.pausing(sql -> parcels.matcher(sql).find(), reached,
                release, () -> mvc.perform(get("/buyer/orders/" + order.id()).header("Accept-Language", "en")
                        .with(buyer)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString()));
        assertThat(reached.await(30, TimeUnit.SECONDS)).as("the page reached its parcels").isTrue();
        String tracking = fixtures.ship(order);
        release.countDown();
        Document page = PageText.parse(html.get(30, TimeUnit.SECONDS));

        assertThat(page.select(".badge").eachText()).contains("Awaiting shipment");
        assertThat(page.select("#parcels").text()).contains("Not shipped yet").doesNotContain(tracking);
        assertThat(fixtures.reload(order).status().name()).isEqualTo("SHIPPED");
    }
}
