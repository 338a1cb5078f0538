package dev.aftersales.notifications;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.aftersales.identity.AccountManagement;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.web.CurrentUserArgumentResolver;

/**
 * Remembers the language a signed-in user switches to ({@code ?lang=en} or {@code ?lang=zh-CN} on any page) on
 * their account, so that emails and text messages are written in it. Accounts that never switched get Simplified
 * Chinese (see {@link NoticeText#languageOf}).
 */
@Configuration(proxyBeanMethods = false)
class LanguagePreference implements WebMvcConfigurer {

    private final AccountManagement accounts;

    LanguagePreference(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String lang = request.getParameter("lang");
                if (lang == null) {
                    return true;
                }
                String tag = switch (lang.toLowerCase(Locale.ROOT)) {
                    case "en" -> "en";
                    case "zh-cn", "zh_cn" -> "zh-CN";
                    default -> null;
                };
                CurrentUser me = CurrentUserArgumentResolver.current();
                if (tag != null && me != null) {
                    accounts.preferLanguage(me.accountId(), tag);
                }
                return true;
            }
        });
    }
}
