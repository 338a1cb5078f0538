package dev.aftersales.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockMultipartHttpServletRequest;
import org.springframework.web.servlet.FlashMap;

/** Where a refusal goes on its page, and what of the form comes back with it. */
class FormRefusalTests {

    static MockHttpServletRequest form(String path, String... nameValues) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        for (int i = 0; i < nameValues.length; i += 2) {
            request.addParameter(nameValues[i], nameValues[i + 1]);
        }
        return request;
    }

    static FormRefusal refuse(MockHttpServletRequest request, FlashMap flash, String field, String key) {
        FormRefusal.refuse(request, flash, field, List.of(new FormRefusal.Message(key, new Object[0])));
        return (FormRefusal) flash.get(FormRefusal.ATTRIBUTE);
    }

    @Test
    void aReasonWhoseKeyConcernsAFieldOfTheFormGoesNextToItWithEverythingTyped() {
        FlashMap flash = new FlashMap();
        FormRefusal refusal = refuse(form("/seller/claims/7/reject", "reason", " ", "version", "3", "_csrf", "t"),
                flash, null, "claim.rejected.reasonRequired");

        assertThat(refusal.form()).isEqualTo("reject");
        assertThat(refusal.field("reject", "reason").invalid()).isTrue();
        assertThat(refusal.field("reject", "reason").describedBy()).isEqualTo("reject-reason-error");
        assertThat(refusal.field("reject", "reason").value()).isEqualTo(" ");
        // the form's bookkeeping is not typed: it comes from the page as drawn now
        assertThat(refusal.field("reject", "version").value()).isNull();
        assertThat(flash.get("flashError")).isNull();
    }

    @Test
    void anotherFormOfThePageWithAFieldOfTheSameNameIsDrawnAsItWas() {
        FormRefusal refusal = refuse(form("/seller/claims/7/reject", "reason", "typed"), new FlashMap(), null,
                "claim.rejected.reasonRequired");

        FormRefusal.Field escalate = refusal.field("escalate", "reason");
        assertThat(escalate.invalid()).isFalse();
        assertThat(escalate.value()).isNull();
        assertThat(escalate.css()).isNull();
        assertThat(escalate.describedBy()).isNull();
    }

    @Test
    void aReasonForNoFieldOfTheFormGoesAboveThePageAndTheTypedTextStays() {
        FlashMap flash = new FlashMap();
        FormRefusal refusal = refuse(form("/seller/claims/7/reject", "reason", "The parcel left complete"), flash,
                null, "claim.flash.stale");

        assertThat(flash.get("flashError")).isEqualTo("claim.flash.stale");
        assertThat(refusal.errors()).isEmpty();
        assertThat(refusal.field("reject", "reason").value()).isEqualTo("The parcel left complete");
    }

    @Test
    void aFieldNamedByTheRefusalThatTheFormDoesNotHaveGoesAboveThePage() {
        FlashMap flash = new FlashMap();
        refuse(form("/buyer/claims/7/rating", "comment", "ok"), flash, "stars", "risk.rating.error.stars");

        assertThat(flash.get("flashError")).isEqualTo("risk.rating.error.stars");
    }

    @Test
    void aRefusedFileGoesToTheFileFieldAndEveryChosenFileIsNamedAsNotKept() {
        MockMultipartHttpServletRequest request = new MockMultipartHttpServletRequest();
        request.setRequestURI("/seller/claims/7/reject");
        request.addParameter("reason", "why");
        request.addFile(new MockMultipartFile("files", "a.png", "image/png", new byte[] { 1 }));
        request.addFile(new MockMultipartFile("files", "b.exe", "application/octet-stream", new byte[] { 2 }));

        FormRefusal refusal = refuse(request, new FlashMap(), "files", "claim.evidence.error.type");

        FormRefusal.Field files = refusal.field("reject", "files");
        assertThat(files.invalid()).isTrue();
        assertThat(files.notSentNames()).isEqualTo("a.png, b.exe");
        assertThat(refusal.field("reject", "reason").value()).isEqualTo("why");
    }

    @Test
    void aTextFarPastEveryLimitComesBackOnlyAsFarAsTheDeskKeeps() {
        FormRefusal refusal = refuse(form("/seller/claims/7/propose", "amount", "9".repeat(1_000_000)),
                new FlashMap(), null, "claim.form.error.amountFormat");

        assertThat(refusal.field("propose", "amount").value()).hasSize(FormRefusal.KEPT_CHARS);
        assertThat(refusal.field("propose", "amount").invalid()).isTrue();
    }

    @Test
    void aChosenOptionIsKnownByItsName() {
        FormRefusal refusal = refuse(form("/seller/claims/7/tracking", "carrier", "SF", "trackingNumber", "SF1"),
                new FlashMap(), "trackingNumber", "watchers.supply.error.format");

        assertThat(refusal.field("tracking", "carrier").chose("SF")).isTrue();
        assertThat(refusal.field("tracking", "carrier").chose("YTO")).isFalse();
        assertThat(refusal.field("tracking", "carrier").invalid()).isFalse();
    }
}
