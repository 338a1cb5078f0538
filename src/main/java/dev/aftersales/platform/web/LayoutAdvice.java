package dev.aftersales.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.web.CurrentUserArgumentResolver;

/** What the layout needs on every page: the signed-in user and the language switch links. */
@ControllerAdvice
class LayoutAdvice {

    private final java.time.Clock clock;

    LayoutAdvice(java.time.Clock clock) {
        this.clock = clock;
    }

    @ModelAttribute("me")
    CurrentUser me() {
        return CurrentUserArgumentResolver.current();
    }

    /** The form of the page that was refused, when one was (flashed by the move that refused it), else none. */
    @ModelAttribute(dev.aftersales.shared.web.FormRefusal.ATTRIBUTE)
    dev.aftersales.shared.web.FormRefusal refusal() {
        return dev.aftersales.shared.web.FormRefusal.NONE;
    }

    /** The desk's time when the page was drawn, for the countdown script. */
    @ModelAttribute("serverNow")
    String serverNow() {
        return clock.instant().toString();
    }

    @ModelAttribute("langLinks")
    LanguageLinks languageLinks(HttpServletRequest request) {
        return languageLinksOf(request);
    }

    static LanguageLinks languageLinksOf(HttpServletRequest request) {
        return new LanguageLinks(withLang(request, "en"), withLang(request, "zh-CN"));
    }

    private static String withLang(HttpServletRequest request, String lang) {
        if (!"GET".equals(request.getMethod())) {
            return "/?lang=" + lang;
        }
        return ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("lang", lang).build()
                .toUriString().replaceFirst("^[a-z]+://[^/]+", "");
    }

    /** Links to the current page in each language. */
    record LanguageLinks(String en, String zh) {
    }
}
