package dev.aftersales.platform.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

import dev.aftersales.platform.database.RequestDeadline;

/**
 * When PostgreSQL cannot be reached, a request gets a 503 at once instead of an error page that needs the database
 * itself: pages get {@code error/503} in the user's language ("the desk is briefly unavailable; nothing you sent was
 * lost"), the integration API ({@code /api/**}) gets {@code application/problem+json}; both with
 * {@code Retry-After}.
 * <p>
 * A filter rather than an {@code @ExceptionHandler}: the first database access of a signed-in user's request is
 * Spring Session loading the session, and the last one saving it, both in the filter chain outside Spring MVC. It
 * sits outside the session filter and handles only failures {@link DatabaseUnavailable} recognises; every other
 * exception goes on to the usual error handling. The page is rendered without the database: no session, no user,
 * no inbox count. While the request runs, each answer of the database is awaited at most {@code deadline}, so a
 * database host that went silent in the middle of a request also ends in this page, not in a hang.
 */
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

    /** Seconds a client should wait before trying again. */
    static final int RETRY_AFTER_SECONDS = 60;

    static final String API_DETAIL = "The desk's database cannot be reached, so nothing of this request was recorded."
            + " Send it again after the time given in Retry-After; a request sent again is recorded once.";

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private final ViewResolver views;
    private final LocaleResolver locales;
    private final Clock clock;
    private final Duration deadline;

    /**
     * @param deadline how long the request waits for each answer of the database before it gives up (see
     *                 {@link RequestDeadline})
     */
    public DatabaseUnavailableFilter(ViewResolver views, LocaleResolver locales, Clock clock, Duration deadline) {
        this.views = views;
        this.locales = locales;
        this.clock = clock;
        this.deadline = deadline;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try (RequestDeadline.Scope scope = RequestDeadline.start(deadline)) {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (!DatabaseUnavailable.isCause(failure) || response.isCommitted()) {
                throw failure;
            }
            log.warn("Database unavailable, answered 503 to {} {}: {}", request.getMethod(), request.getRequestURI(),
                    rootMessage(failure));
            answer(request, response);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setCharacterEncoding("UTF-8");
        if (isApi(request)) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                    + "\"detail\":\"" + API_DETAIL + "\",\"retryAfterSeconds\":" + RETRY_AFTER_SECONDS + "}");
            response.flushBuffer();
            return;
        }
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        try {
            renderPage(request, response);
        } catch (Exception pageFailed) {
            // the page itself could not be drawn: still a 503, in plain words
            log.warn("The 503 page could not be rendered: {}", pageFailed.getMessage());
            response.resetBuffer();
            response.getWriter().write("<!DOCTYPE html><html><head><title>503</title></head><body><p>The desk is "
                    + "briefly unavailable; nothing you sent was lost. Please try again in a minute.</p></body></html>");
        }
        response.flushBuffer();
    }

    private void renderPage(HttpServletRequest request, HttpServletResponse response) throws Exception {
        Locale locale = locales.resolveLocale(request);
        // what DispatcherServlet would expose, so that the page speaks the user's language (cookie or browser)
        request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, locales);
        View view = views.resolveViewName("error/503", locale);
        if (view == null) {
            throw new IllegalStateException("no error/503 template");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("status", 503);
        model.put("requestId", request.getAttribute(RequestIdFilter.ATTRIBUTE));
        model.put("serverNow", clock.instant().toString());
        model.put("langLinks", LayoutAdvice.languageLinksOf(request));
        view.render(model, request, response);
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
