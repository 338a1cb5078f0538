package dev.aftersales.claims.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.aftersales.claims.ClaimChanged;
import dev.aftersales.claims.ClaimNotAllowed;
import dev.aftersales.claims.InvalidEvidence;
import dev.aftersales.claims.TransitionRejected;
import dev.aftersales.claims.internal.ParcelRefusals;
import dev.aftersales.shared.NotFound;
import dev.aftersales.shared.Refusal;
import dev.aftersales.shipping.InvalidTrackingNumber;
import dev.aftersales.shipping.OrderNotAwaitingShipment;
import dev.aftersales.shipping.TrackingNumberInUse;

/**
 * The seller API's refusals of claim moves as {@code application/problem+json}, each with a stable {@code code}
 * (and for a rule, the rule's {@code reason}): 404 {@code not-found} for a claim or file of another shop or none,
 * 409 {@code stale-version} when the claim changed since the version sent, 409 {@code move-not-allowed} when the
 * claim does not accept this move now, 422 {@code invalid-input} when the move's values break a rule,
 * 422 {@code evidence-invalid} for a file refused, 422 {@code tracking-number-invalid}, 409 {@code tracking-number-in-use}.
 * The reason, field and detail are the refusal's own, as the pages show them; the detail is in the caller's language
 * (Accept-Language). The codes never change.
 */
@RestControllerAdvice(assignableTypes = SellerClaimApiController.class)
@Order(-1)
class SellerApiProblems {

    /** Rules about the claim's state or whose turn it is, not about the values sent. */
    private static final Set<String> STATE_RULES = Set.of("claim.rejected.state", "claim.rejected.role",
            "claim.rejected.closed", "claim.rejected.escalation", "claim.rejected.appeal", "claim.rejected.notBuyer",
            "claim.rejected.evidenceParty", "claim.rejected.evidenceDue", "claim.rejected.sameAgent");

    private final MessageSource messages;

    SellerApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** What a refusal is answered with; {@code null} for an exception that is not a refusal (a fault: 500). */
    static Problem of(RuntimeException e) {
        if (e instanceof NotFound) {
            return new Problem(HttpStatus.NOT_FOUND, "not-found", null, null, e.getMessage(), new Object[0]);
        }
        if (e instanceof ClaimChanged || e instanceof ConcurrencyFailureException) {
            return new Problem(HttpStatus.CONFLICT, "stale-version", "api.claim.stale", null,
                    "The claim changed since this version; read it again", new Object[0]);
        }
        if (e instanceof InvalidEvidence r) {
            InvalidEvidence.Problem first = r.problems().get(0);
            return new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "evidence-invalid", first.messageKey(), "files",
                    first.fileName(), first.args());
        }
        if (e instanceof BadFile r) {
            return new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", null, r.field(),
                    "is not valid base64", new Object[0]);
        }
        if (e instanceof Refusal r) {
            Refusal words = ParcelRefusals.asClaimMove(e);
            if (words == null) {
                words = r;
            }
            return new Problem(statusOf(e, r), codeOf(e, r), words.messageKey(), words.field(), e.getMessage(),
                    words.args());
        }
        return null;
    }

    /**
     * The API's status and code for a refusal; its words (reason, field, detail) are the refusal's own, or for a
     * parcel shipping refused, the claim moves' words ({@link ParcelRefusals}), as the claim pages show them.
     */
    private static String codeOf(RuntimeException e, Refusal r) {
        if (e instanceof InvalidTrackingNumber) {
            return "tracking-number-invalid";
        }
        if (e instanceof TrackingNumberInUse) {
            return "tracking-number-in-use";
        }
        if (e instanceof OrderNotAwaitingShipment || (e instanceof TransitionRejected && concernsState(r))) {
            return "move-not-allowed";
        }
        return "invalid-input";
    }

    private static HttpStatus statusOf(RuntimeException e, Refusal r) {
        return switch (codeOf(e, r)) {
            case "tracking-number-in-use", "move-not-allowed" -> HttpStatus.CONFLICT;
            default -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }

    /** A rule about the claim's state or whose turn it is, not about the values sent. */
    private static boolean concernsState(Refusal r) {
        return STATE_RULES.contains(r.messageKey());
    }

    @ExceptionHandler({ NotFound.class, ClaimChanged.class, ConcurrencyFailureException.class,
            TransitionRejected.class, ClaimNotAllowed.class, InvalidEvidence.class, BadFile.class,
            InvalidTrackingNumber.class, TrackingNumberInUse.class, OrderNotAwaitingShipment.class })
    ResponseEntity<ProblemDetail> refused(RuntimeException e) {
        Problem problem = of(e);
        Locale locale = LocaleContextHolder.getLocale();
        String detail = problem.reason() == null ? problem.fallback()
                : messages.getMessage(problem.reason(), problem.args(), problem.fallback(), locale);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), detail);
        body.setType(URI.create("about:blank"));
        body.setTitle(problem.status().getReasonPhrase());
        body.setProperty("code", problem.code());
        if (problem.reason() != null) {
            body.setProperty("reason", problem.reason());
        }
        if (problem.field() != null) {
            body.setProperty("errors", List.of(Map.of("field", problem.field(), "message", detail)));
        }
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    /**
     * @param reason   the rule's message key, stable, finer than the code ({@code null} when there is none)
     * @param fallback the detail when the rule has no text
     */
    record Problem(HttpStatus status, String code, String reason, String field, String fallback, Object[] args) {
    }

    /** A file's content is not base64. */
    static class BadFile extends RuntimeException {

        private final String field;

        BadFile(String field) {
            super(field + " is not valid base64");
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    /** The cursor is not one the feed gave. */
    static class BadCursor extends RuntimeException {

        BadCursor() {
            super("cursor is not a cursor this feed gave");
        }
    }

    @ExceptionHandler(BadCursor.class)
    ResponseEntity<ProblemDetail> badCursor(BadCursor e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        body.setType(URI.create("about:blank"));
        body.setTitle("Bad Request");
        body.setProperty("code", "cursor-invalid");
        body.setProperty("errors", List.of(Map.of("field", "cursor", "message", e.getMessage())));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
