package dev.aftersales.platform.config;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.util.StringUtils;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Applies {@code ?lang=} only for the languages the desk has: anything else is ignored. */
class SupportedLocaleInterceptor implements HandlerInterceptor {

    private final LocaleChangeInterceptor delegate;

    SupportedLocaleInterceptor(LocaleChangeInterceptor delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws jakarta.servlet.ServletException {
        String value = request.getParameter(delegate.getParamName());
        if (value == null) {
            return true;
        }
        Locale requested;
        try {
            requested = StringUtils.parseLocale(value);
        } catch (IllegalArgumentException e) {
            return true;
        }
        if (requested == null || !WebConfiguration.SUPPORTED.contains(requested)) {
            return true;
        }
        return delegate.preHandle(request, response, handler);
    }
}
