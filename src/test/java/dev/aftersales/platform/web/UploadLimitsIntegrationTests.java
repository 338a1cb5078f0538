package dev.aftersales.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.Remedy;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.DatabaseSnapshot;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.HttpUser;
import dev.aftersales.support.HttpUser.Page;
import dev.aftersales.support.HttpUser.Upload;

/**
 * Evidence uploads over real HTTP, through the server's own limits: whatever is sent, the buyer lands on the form
 * again with the reason next to the file field (or the claim is filed with what the desk accepts), never on the
 * server's bare error page; nothing of a refused form is saved.
 */
@AftersalesIntegrationTest
class UploadLimitsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    JdbcTemplate jdbc;

    World world;
    OrderDetails order;
    HttpUser buyer;
    String formPath;

    @BeforeEach
    void setUp() throws Exception {
        world = fixtures.freshWorld();
        order = fixtures.paidOrder(world);
        fixtures.deliver(order, 2_150);
        buyer = HttpUser.signedIn(port, world.buyer());
        formPath = "/buyer/orders/" + order.id() + "/claims/new?type=MISSING_ITEM";
        buyer.get(formPath); // the first page records the reader's language: before any snapshot
    }

    Map<String, String> claimFields() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", buyer.get(formPath).csrf());
        fields.put("reason", "ITEMS_MISSING");
        fields.put("remedy", "RESHIP");
        fields.put("description", "The box was short");
        fields.put("units[" + Fixtures.lineId(order, "A") + "]", "1");
        fields.put("submissionKey", UUID.randomUUID().toString());
        return fields;
    }

    Page file(List<Upload> files) throws Exception {
        return buyer.postMultipart(formPath, claimFields(), files);
    }

    static byte[] pngOf(int size) {
        byte[] png = Fixtures.png();
        byte[] bytes = new byte[Math.max(size, png.length)];
        System.arraycopy(png, 0, bytes, 0, png.length);
        return bytes;
    }

    /** The smallest MP4 a player recognises: a file-type box of an ISO base media file. */
    static byte[] mp4() {
        ByteBuffer box = ByteBuffer.allocate(32);
        box.putInt(32).put("ftyp".getBytes(StandardCharsets.US_ASCII)).put("mp42".getBytes(StandardCharsets.US_ASCII))
                .putInt(0).put("mp42isomavc1mp41".getBytes(StandardCharsets.US_ASCII));
        byte[] moov = new byte[64];
        ByteBuffer.wrap(moov).putInt(64).put("free".getBytes(StandardCharsets.US_ASCII));
        byte[] all = new byte[96];
        System.arraycopy(box.array(), 0, all, 0, 32);
        System.arraycopy(moov, 0, all, 32, 64);
        return all;
    }

    long claimsOfOrder() {
        return jdbc.queryForObject("select count(*) from claims where order_id = ?", Long.class, order.id());
    }

    static String evidenceError(String html) {
        int at = html.indexOf("id=\"evidence-error\"");
        assertThat(at).as("the message next to the file field").isNotNegative();
        return html.substring(at, html.indexOf("</div>", at));
    }

    @Test
    void aPhotoOverTheDesksLimitComesBackNextToTheFileField() throws Exception {
        DatabaseSnapshot before = DatabaseSnapshot.take(jdbc);
        Page answer = file(List.of(new Upload("evidence", "big.png", pngOf(12 * 1024 * 1024))));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(evidenceError(answer.body())).contains("big.png is larger than 10 MB");
        assertThat(answer.body()).contains("The box was short");
        assertThat(DatabaseSnapshot.take(jdbc).changedSince(before)).isEmpty();
    }

    @Test
    void aFileOverTheServersHardCapSendsTheBuyerBackToTheFormWithTheReason() throws Exception {
        DatabaseSnapshot before = DatabaseSnapshot.take(jdbc);
        Page answer = file(List.of(new Upload("evidence", "huge.png", pngOf(41 * 1024 * 1024))));

        assertThat(answer.status()).isEqualTo(302);
        Page form = buyer.get(answer.location());
        assertThat(form.status()).isEqualTo(200);
        assertThat(evidenceError(form.body())).contains("A file was larger than 40 MB");
        assertThat(DatabaseSnapshot.take(jdbc).changedSince(before)).isEmpty();
    }

    @Test
    void tooManyFilesComeBackNextToTheFileField() throws Exception {
        List<Upload> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(new Upload("evidence", "p" + i + ".png", Fixtures.png()));
        }
        Page answer = file(ten);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(evidenceError(answer.body())).contains("At most 9 files.");
        assertThat(claimsOfOrder()).isZero();
    }

    @Test
    void aThousandCharacterFileNameComesBackNextToTheFileField() throws Exception {
        Page answer = file(List.of(new Upload("evidence", "n".repeat(1_000) + ".png",
                Fixtures.png())));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(evidenceError(answer.body())).contains("longer than 255 characters");
        assertThat(claimsOfOrder()).isZero();
    }

    @Test
    void anEmptyFileIsNamedNextToTheFileFieldInsteadOfBeingDroppedSilently() throws Exception {
        Page answer = file(List.of(new Upload("evidence", "empty.jpg", new byte[0])));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(evidenceError(answer.body())).contains("empty.jpg is empty");
        assertThat(claimsOfOrder()).isZero();
    }

    @Test
    void aShortMp4VideoIsAcceptedAsEvidenceAndDirectionCharactersLeaveItsName() throws Exception {
        Page answer = file(List.of(new Upload("evidence", "open\u202Eing\u200F.mp4", mp4())));

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).contains("/buyer/claims/");
        Map<String, Object> stored = jdbc.queryForMap("select e.id, e.file_name, e.content_type from claim_evidence e "
                + "join claims c on c.id = e.claim_id where c.order_id = ?", order.id());
        assertThat(stored.get("content_type")).isEqualTo("video/mp4");
        assertThat(stored.get("file_name")).isEqualTo("opening.mp4");
        Page download = buyer.get("/buyer/evidence/" + stored.get("id"));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).startsWith("attachment")
                .doesNotContain("\u202E").doesNotContain("%E2%80%AE");
    }

    @Test
    void aFormLargerThanTheServerReadsGoesBackToItsPageWithTheReason() throws Exception {
        long id = claims.file(ClaimFilings.missing(order, "A", 1, Remedy.REFUND, "short"), world.buyerUser());
        String token = buyer.get("/buyer/claims/" + id).csrf();
        DatabaseSnapshot before = DatabaseSnapshot.take(jdbc);

        Page answer = buyer.post("/buyer/claims/" + id + "/messages", null,
                Map.of("_csrf", token, "body", "x".repeat(3 * 1024 * 1024)));

        assertThat(answer.status()).isEqualTo(302);
        Page page = buyer.get(answer.location());
        assertThat(page.body()).contains("The form was larger than 2 MB and was not read");
        assertThat(DatabaseSnapshot.take(jdbc).changedSince(before)).isEmpty();
    }
}
