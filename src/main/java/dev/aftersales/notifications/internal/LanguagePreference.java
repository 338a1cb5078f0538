package dev.aftersales.notifications.internal;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;

import dev.aftersales.identity.AccountManagement;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.web.CurrentUserArgumentResolver;

/**
 * Remembers on the account the language a signed-in user reads the desk in, so that emails and text messages are
 * written in it: the language they switch to ({@code ?lang=en} or {@code ?lang=zh-CN} on any page), and, for an
 * account that has none yet, the language of their first signed-in page (their browser's or their earlier choice).
 * Accounts that never signed in get Simplified Chinese (see {@link NoticeText#languageOf}).
 */
@Configuration(proxyBeanMethods = false)
class LanguagePreference implements WebMvcConfigurer {

    private static final String CHECKED = LanguagePreference.class.getName() + ".checked";

    private final AccountManagement accounts;

    LanguagePreference(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                CurrentUser me = CurrentUserArgumentResolver.current();
                if (me == null) {
                    return true;
                }
                String chosen = tag(request.getParameter("lang"));
                if (chosen != null) {
                    accounts.preferLanguage(me.accountId(), chosen);
                    return true;
                }
                HttpSession session = request.getSession(false);
                if (session == null || Long.valueOf(me.accountId()).equals(session.getAttribute(CHECKED))) {
                    return true;
                }
                session.setAttribute(CHECKED, me.accountId());
                LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
                if (resolver != null && accounts.account(me.accountId()).preferredLanguage() == null) {
                    Locale reading = resolver.resolveLocale(request);
                    accounts.preferLanguageIfUnset(me.accountId(),
                            "en".equals(reading.getLanguage()) ? "en" : "zh-CN");
                }
                return true;
            }
        });
    }

    private static String tag(String lang) {
        if (lang == null) {
            return null;
        }
        return switch (lang.toLowerCase(Locale.ROOT)) {
            case "en" -> "en";
            case "zh-cn", "zh_cn" -> "zh-CN";
            default -> null;
        };
    }
}
