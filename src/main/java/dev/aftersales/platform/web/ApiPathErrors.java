package dev.aftersales.platform.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Calls under {@code /api/} that reach no endpoint (an unknown path, a method or content type the endpoint does not
 * take) are answered like every other API error, as {@code application/problem+json}; the same mistakes on pages
 * keep their error pages.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ApiPathErrors {

    /** No handler at all (static files have their own paths only), or a static path with no such file. */
    @ExceptionHandler({ NoHandlerFoundException.class, NoResourceFoundException.class })
    ResponseEntity<ProblemDetail> notFound(Exception e, HttpServletRequest request) throws Exception {
        requireApi(e, request);
        return IntegrationApiErrors.problem(HttpStatus.NOT_FOUND, "Not found",
                "No API endpoint at " + request.getRequestURI(), List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
            throws Exception {
        requireApi(e, request);
        ResponseEntity<ProblemDetail> answer = IntegrationApiErrors.problem(HttpStatus.METHOD_NOT_ALLOWED,
                "Method not allowed", "Use " + String.join(" or ", e.getSupportedMethods() == null ? new String[0]
                        : e.getSupportedMethods()) + " here", List.of());
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .allow(e.getSupportedHttpMethods() == null ? new org.springframework.http.HttpMethod[0]
                        : e.getSupportedHttpMethods().toArray(org.springframework.http.HttpMethod[]::new))
                .body(answer.getBody());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request)
            throws Exception {
        requireApi(e, request);
        return IntegrationApiErrors.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                "Send application/json", List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request)
            throws Exception {
        requireApi(e, request);
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).build();
    }

    private static void requireApi(Exception e, HttpServletRequest request) throws Exception {
        if (!BackLink.isApi(request)) {
            throw e;
        }
    }
}
