package dev.aftersales.claims;

import static dev.aftersales.support.Fixtures.png;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.NotFound;
import dev.aftersales.shared.Role;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;

/** Who may see and move a claim, and which files count as evidence (by their content, not their name). */
@AftersalesIntegrationTest
class ClaimAccessAndEvidenceIntegrationTests {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    ClaimViews views;

    World world;
    OrderDetails order;
    CurrentUser otherBuyer;
    CurrentUser otherSeller;
    CurrentUser agent;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        order = fixtures.paidOrder(world);
        fixtures.deliver(order, 2_150);
        otherBuyer = Fixtures.user(fixtures.account(Role.BUYER, null));
        otherSeller = fixtures.world().sellerUser();
        agent = Fixtures.user(fixtures.account(Role.AGENT, null));
    }


    long fileWith(List<EvidenceUpload> files) {
        return claims.file(new FileClaim(order.id(), ClaimType.REFUND_ONLY, ClaimReason.DAMAGED, Remedy.REFUND,
                "cracked", Map.of(Fixtures.lineId(order, "B"), 1), null, null, files), world.buyerUser());
    }

    @Test
    void onlyTheBuyerTheShopsSellersAndAgentsSeeAClaim() {
        long id = fileWith(List.of(new EvidenceUpload("photo.png", png())));
        assertThat(views.detail(id, world.buyerUser()).claimNumber()).startsWith("AS");
        assertThat(views.detail(id, world.sellerUser()).claimNumber()).startsWith("AS");
        assertThat(views.detail(id, agent).claimNumber()).startsWith("AS");
        assertThatThrownBy(() -> views.detail(id, otherBuyer)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> views.detail(id, otherSeller)).isInstanceOf(NotFound.class);
        long evidenceId = views.detail(id, world.buyerUser()).evidence().get(0).id();
        assertThat(claims.download(evidenceId, world.sellerUser()).contentType()).isEqualTo("image/png");
        assertThatThrownBy(() -> claims.download(evidenceId, otherBuyer)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> claims.download(evidenceId, otherSeller)).isInstanceOf(NotFound.class);
    }

    @Test
    void nobodyElseCanMoveAClaimAndTryingChangesNothing() {
        long id = fileWith(List.of());
        assertThatThrownBy(() -> claims.accept(id, otherSeller, null)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> claims.withdraw(id, otherBuyer, null, null)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> claims.addMessage(id, otherBuyer, "hello", List.of()))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> claims.file(new FileClaim(order.id(), ClaimType.REFUND_ONLY, ClaimReason.QUALITY,
                Remedy.REFUND, null, Map.of(Fixtures.lineId(order, "A"), 1), null, null, List.of()), otherBuyer))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> claims.accept(id, world.buyerUser(), null)).isInstanceOf(NotFound.class);
        ClaimView unchanged = views.detail(id, world.buyerUser());
        assertThat(unchanged.status()).isEqualTo(ClaimStatus.AWAITING_SELLER);
        assertThat(unchanged.timeline()).hasSize(1);
        assertThat(unchanged.messages()).isEmpty();
    }

    @Test
    void aPageDrawnBeforeAnotherChangeCannotMoveTheClaim() {
        long id = fileWith(List.of());
        long drawn = views.detail(id, world.sellerUser()).version();
        claims.withdraw(id, world.buyerUser(), null, "sorted it out");
        assertThatThrownBy(() -> claims.accept(id, world.sellerUser(), drawn)).isInstanceOf(ClaimChanged.class);
        assertThat(views.detail(id, world.sellerUser()).status()).isEqualTo(ClaimStatus.WITHDRAWN);
    }

    @Test
    void evidenceIsRecognisedByContentNotByName() {
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> fileWith(List.of(new EvidenceUpload("photo.jpg", html),
                new EvidenceUpload("drawing.png", svg), new EvidenceUpload("fine.png", png()))))
                .isInstanceOfSatisfying(InvalidEvidence.class, e -> {
                    assertThat(e.problems()).extracting(InvalidEvidence.Problem::fileName)
                            .containsExactly("photo.jpg", "drawing.png");
                    assertThat(e.problems()).allSatisfy(p -> assertThat(p.messageKey())
                            .isEqualTo("claim.evidence.error.type"));
                });
        assertThat(claims.claimsOfOrder(order.id())).as("nothing of the form was saved").isEmpty();

        long id = fileWith(List.of(new EvidenceUpload("IMG_0001.JPG.exe", png()),
                new EvidenceUpload("receipt.pdf", pdf())));
        assertThat(views.detail(id, world.buyerUser()).evidence()).extracting(ClaimView.EvidenceView::contentType)
                .containsExactly("image/png", "application/pdf");
    }

    @Test
    void tooManyOrTooLargeFilesAreRefused() {
        List<EvidenceUpload> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(new EvidenceUpload("p" + i + ".png", png()));
        }
        assertThatThrownBy(() -> fileWith(ten)).isInstanceOfSatisfying(InvalidEvidence.class,
                e -> assertThat(e.problems()).extracting(InvalidEvidence.Problem::messageKey)
                        .contains("claim.evidence.error.tooMany"));
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        byte[] header = png();
        System.arraycopy(header, 0, big, 0, header.length);
        assertThatThrownBy(() -> fileWith(List.of(new EvidenceUpload("huge.png", big))))
                .isInstanceOfSatisfying(InvalidEvidence.class, e -> assertThat(e.problems())
                        .extracting(InvalidEvidence.Problem::messageKey).containsExactly("claim.evidence.error.tooLarge"));
    }

    @Test
    void messagesArePlainTextLimitedInLengthAndKept() {
        long id = fileWith(List.of());
        claims.addMessage(id, world.buyerUser(), "line one\n<b>line two</b>", List.of());
        claims.addMessage(id, world.sellerUser(), "we are checking", List.of(new EvidenceUpload("box.png", png())));
        assertThatThrownBy(() -> claims.addMessage(id, world.buyerUser(), "x".repeat(2001), List.of()))
                .isInstanceOf(ClaimNotAllowed.class);
        assertThatThrownBy(() -> claims.addMessage(id, world.buyerUser(), "  ", List.of()))
                .isInstanceOf(ClaimNotAllowed.class);
        ClaimView view = views.detail(id, agent);
        assertThat(view.messages()).extracting(ClaimView.MessageView::body)
                .containsExactly("line one\n<b>line two</b>", "we are checking");
        assertThat(view.messages().get(1).files()).singleElement()
                .satisfies(f -> assertThat(f.fileName()).isEqualTo("box.png"));
    }

    /** A real 1×1 PNG. */

    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\n"
                + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }
}
