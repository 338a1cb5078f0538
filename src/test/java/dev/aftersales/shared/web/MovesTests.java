package dev.aftersales.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.aftersales.shared.Money;
import dev.aftersales.shared.Refusal;
import dev.aftersales.support.Messages;

/**
 * A refusal as the pages show it: each reason at the field it names when the form has it, else at the field the page
 * chose, else above the form; its arguments formatted for the reader; what is not a refusal goes on.
 */
class MovesTests {

    static final Moves MOVES = new Moves(new Formats(ZoneId.of("Asia/Shanghai"),
            Clock.fixed(Instant.parse("2026-12-07T04:00:00Z"), ZoneOffset.UTC), Messages.real()));

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
        RequestContextHolder.resetRequestAttributes();
    }

    /** A refusal with several reasons, like refused evidence or a refused webhook address. */
    record Several(List<Refusal> reasons) implements Refusal {
        @Override
        public String messageKey() {
            return reasons.get(0).messageKey();
        }
    }

    static MapBindingResult form() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("amount", "");
        fields.put("note", "");
        fields.put("files", "");
        return new MapBindingResult(fields, "form");
    }

    @Test
    void aReasonGoesToTheFieldItNamesWhenTheFormHasIt() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        MapBindingResult errors = form();

        MOVES.reject(errors, Refusal.of("amount", "claim.rejected.refundCap", Money.fen(1250)), null,
                List.of("amount", "note"));

        assertThat(errors.getFieldError("amount").getCode()).isEqualTo("claim.rejected.refundCap");
        assertThat(errors.getFieldError("amount").getArguments()).containsExactly("¥12.50");
        assertThat(errors.getGlobalErrors()).isEmpty();
    }

    @Test
    void aReasonForAFieldTheFormDoesNotHaveGoesAboveTheForm() {
        MapBindingResult errors = form();

        MOVES.reject(errors, Refusal.of("units[7]", "claim.rejected.units"), null, List.of("amount", "note"));

        assertThat(errors.getFieldErrors()).isEmpty();
        assertThat(errors.getGlobalError().getCode()).isEqualTo("claim.rejected.units");
    }

    @Test
    void everyReasonWithoutAFieldGoesToTheFieldThePageChose() {
        MapBindingResult errors = form();
        Refusal evidence = new Several(List.of(Refusal.of(null, "claim.evidence.error.type", "a.exe"),
                Refusal.of(null, "claim.evidence.error.size", "b.png")));

        MOVES.reject(errors, evidence, "files", List.of());

        assertThat(errors.getFieldErrors("files")).extracting(e -> e.getCode())
                .containsExactly("claim.evidence.error.type", "claim.evidence.error.size");
        assertThat(errors.getGlobalErrors()).isEmpty();
    }

    @Test
    void aStaleVersionIsARefusalAndAnyOtherFailureIsNot() {
        assertThat(Moves.refusal(new ObjectOptimisticLockingFailureException("Claim", 7L)).messageKey())
                .isEqualTo("claim.flash.stale");
        assertThat(Moves.refusal(new IllegalStateException("broken"))).isNull();
    }

    /** Another module's refusal, as the module throws it. */
    static class NumberInUse extends RuntimeException implements Refusal {
        @Override
        public String field() {
            return "trackingNumber";
        }

        @Override
        public String messageKey() {
            return "shipping.error.inUse";
        }
    }

    @Test
    void aPageWithItsOwnWordsForARefusalSaysItSoElseTheRefusalSpeaksForItself() {
        Refusal claimPages = Refusal.of(null, "claim.rejected.state");

        assertThat(Moves.refusal(new NumberInUse(), e -> claimPages)).isSameAs(claimPages);
        assertThat(Moves.refusal(new NumberInUse(), e -> null)).satisfies(r -> {
            assertThat(r.field()).isEqualTo("trackingNumber");
            assertThat(r.messageKey()).isEqualTo("shipping.error.inUse");
        });
    }

    @Test
    void aFormShownAgainInPlaceKeepsWhatWasTypedAndEachFieldsReasonInTheWordsItsCodesName() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/seller/orders/7/ship");
        request.addParameter("note", "");
        request.addParameter("amount", "12.345");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        MapBindingResult errors = form();
        errors.rejectValue("note", "NotBlank");
        errors.reject("shipping.error.notAwaiting");

        FormRefusal shown = MOVES.shownAgain(errors);

        assertThat(shown.form()).isEqualTo("ship");
        FormRefusal.Field note = shown.field("ship", "note");
        assertThat(note.messages()).extracting(FormRefusal.Message::key).containsExactly("NotBlank");
        assertThat(note.errorId()).isEqualTo("ship-note-error");
        assertThat(shown.field("ship", "amount").value()).isEqualTo("12.345");
        assertThat(shown.field("ship", "amount").invalid()).isFalse();
        assertThat(shown.errors()).containsOnlyKeys("note");
    }

    @Test
    void anEmptyFileInputIsNoUploadButANamedEmptyFileIs() {
        var uploads = Moves.uploads(List.of(new MockMultipartFile("files", "", null, new byte[0]),
                new MockMultipartFile("files", "empty.png", "image/png", new byte[0]),
                new MockMultipartFile("files", "a.txt", "text/plain", "hi".getBytes(StandardCharsets.UTF_8))),
                (name, bytes) -> name + ":" + bytes.length);

        assertThat(uploads).containsExactly("empty.png:0", "a.txt:2");
    }
}
