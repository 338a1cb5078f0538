package dev.aftersales.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import dev.aftersales.ordering.InvalidOrder;
import dev.aftersales.ordering.OrderConflict;
import dev.aftersales.ordering.UnknownReference;
import dev.aftersales.shared.NotFound;
import dev.aftersales.shared.web.IdempotentAnswers;
import dev.aftersales.shared.web.IntegrationApi;
import dev.aftersales.shipping.InvalidTrackingNumber;
import dev.aftersales.shipping.OrderNotAwaitingShipment;
import dev.aftersales.shipping.TrackingNumberInUse;
import tools.jackson.core.JacksonException;

/**
 * The integration API's errors as {@code application/problem+json}: 400 for a body that is not valid JSON or has a
 * value of the wrong type, 422 for values that break a rule (each field named in {@code errors}), 404 for unknown
 * shops, SKUs, orders and parcels, 409 for requests that contradict what is recorded. Each names the field; the 409s
 * of parcels and of concurrent updates carry a {@code code} ({@code order-already-shipped}, {@code order-delivered},
 * {@code order-cancelled}, {@code concurrent-update}); every other problem carries a code by its status
 * ({@code malformed-request}, {@code not-found}, {@code conflict}, {@code invalid-input} ...).
 */
@RestControllerAdvice(annotations = IntegrationApi.class)
@org.springframework.core.annotation.Order(0)
class IntegrationApiErrors {

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())));
        }
        e.getBindingResult().getGlobalErrors().forEach(error -> errors
                .add(Map.of("field", error.getObjectName(), "message", String.valueOf(error.getDefaultMessage()))));
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid request", describe(errors), errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameter(HandlerMethodValidationException e) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> errors
                .add(Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()), "message",
                        String.valueOf(error.getDefaultMessage())))));
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid request", describe(errors), errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = path(jackson.getPath());
            return problem(HttpStatus.BAD_REQUEST, "Malformed request", "The value of " + field + " is not valid",
                    List.of(Map.of("field", field, "message", "has the wrong type or an unknown value")));
        }
        return problem(HttpStatus.BAD_REQUEST, "Malformed request", "The request body is not valid JSON", List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Malformed request", "The value of " + e.getName() + " is not valid",
                List.of(Map.of("field", e.getName(), "message", "has the wrong type")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                "Send application/json", List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", e.getMessage(), List.of());
    }

    @ExceptionHandler(InvalidOrder.class)
    ResponseEntity<ProblemDetail> invalidOrder(InvalidOrder e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid order", e.getMessage(),
                List.of(Map.of("field", e.field(), "message", e.getMessage())));
    }

    @ExceptionHandler(InvalidTrackingNumber.class)
    ResponseEntity<ProblemDetail> invalidTracking(InvalidTrackingNumber e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid tracking number", e.getMessage(),
                List.of(Map.of("field", "trackingNumber", "message", e.getMessage())));
    }

    @ExceptionHandler(UnknownReference.class)
    ResponseEntity<ProblemDetail> unknown(UnknownReference e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(),
                List.of(Map.of("field", e.field(), "message", e.getMessage())));
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), List.of());
    }

    @ExceptionHandler(OrderConflict.class)
    ResponseEntity<ProblemDetail> conflict(OrderConflict e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(),
                List.of(Map.of("field", e.field(), "message", e.getMessage())));
    }

    @ExceptionHandler(TrackingNumberInUse.class)
    ResponseEntity<ProblemDetail> trackingInUse(TrackingNumberInUse e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(),
                List.of(Map.of("field", "trackingNumber", "message", e.getMessage())));
    }

    @ExceptionHandler(OrderNotAwaitingShipment.class)
    ResponseEntity<ProblemDetail> notShippable(OrderNotAwaitingShipment e) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(),
                List.of(Map.of("field", "orderNumber", "message", e.getMessage())));
        answer.getBody().setProperty("code", e.code());
        return answer;
    }

    /**
     * Calls on one order are served one after the other under the order's lock; should two still collide in the
     * database (a deadlock it broke, a row changed under a call), the caller is told to send the request again:
     * nothing was recorded.
     */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<ProblemDetail> concurrentUpdate(ConcurrencyFailureException e) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.CONFLICT, "Conflict",
                "The order changed at the same moment; nothing was recorded, send the request again", List.of());
        answer.getBody().setProperty("code", "concurrent-update");
        return answer;
    }

    @ExceptionHandler(IdempotentAnswers.KeyReused.class)
    ResponseEntity<ProblemDetail> keyReused(IdempotentAnswers.KeyReused e) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused",
                e.getMessage(), List.of(Map.of("field", IdempotentAnswers.HEADER, "message", e.getMessage())));
        answer.getBody().setProperty("code", "idempotency-key-reused");
        return answer;
    }

    @ExceptionHandler(IdempotentAnswers.InvalidKey.class)
    ResponseEntity<ProblemDetail> keyInvalid(IdempotentAnswers.InvalidKey e) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.BAD_REQUEST, "Malformed request", e.getMessage(),
                List.of(Map.of("field", IdempotentAnswers.HEADER, "message", e.getMessage())));
        answer.getBody().setProperty("code", "idempotency-key-invalid");
        return answer;
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(List<Map<String, String>> errors) {
        return errors.stream().map(e -> e.get("field") + " " + e.get("message")).reduce((a, b) -> a + "; " + b)
                .orElse("The request is not valid");
    }

    /** The code of a problem that has no finer one; handlers that know better set their own. */
    private static String defaultCode(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "malformed-request";
            case NOT_FOUND -> "not-found";
            case CONFLICT -> "conflict";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            default -> "invalid-input";
        };
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
            List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        problem.setProperty("code", defaultCode(status));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
