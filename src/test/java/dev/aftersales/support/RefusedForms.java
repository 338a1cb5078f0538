package dev.aftersales.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Locale;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A refused page form as its user sees it after the redirect: the page again, the reason next to the field (the
 * control marked {@code is-invalid}, its {@code aria-describedby} naming the element with the reason) and what was
 * typed back in the controls.
 */
public final class RefusedForms {

    private RefusedForms() {
    }

    /**
     * The page a refused form redirected to, drawn in English as the browser would draw it next: with the session
     * cookie of the answer, which carries the refusal to the page.
     */
    public static Document follow(MockMvc mvc, MvcResult refused, RequestPostProcessor viewer) throws Exception {
        String target = refused.getResponse().getRedirectedUrl();
        assertThat(target).as("a refused move goes back to its page").isNotNull();
        var request = get(target).with(viewer).locale(Locale.ENGLISH).header("Accept-Language", "en");
        if (refused.getResponse().getCookies().length > 0) {
            request.cookie(refused.getResponse().getCookies());
        }
        if (refused.getRequest().getSession(false) instanceof org.springframework.mock.web.MockHttpSession session) {
            request.session(session);
        }
        String html = mvc.perform(request).andReturn().getResponse().getContentAsString();
        Document page = PageText.parse(html);
        assertThat(page.select("main").text()).as("the page after the refusal").isNotEmpty();
        return page;
    }

    /**
     * Asserts the control {@code #controlId} is marked refused and described by an element next to it that says
     * {@code reason}; returns that element.
     */
    public static Element assertRefusedAt(Document page, String controlId, String reason) {
        Element control = page.getElementById(controlId);
        assertThat(control).as("the control #" + controlId).isNotNull();
        assertThat(control.hasClass("is-invalid")).as("#" + controlId + " is marked invalid: " + control.outerHtml()
                + page.select(".alert").text()).isTrue();
        assertThat(control.attr("aria-invalid")).isEqualTo("true");
        String describedBy = control.attr("aria-describedby");
        assertThat(describedBy).as("#" + controlId + " names its reason").isNotBlank();
        Element feedback = page.getElementById(describedBy.split("\\s+")[describedBy.split("\\s+").length - 1]);
        assertThat(feedback).as("the element #" + describedBy).isNotNull();
        assertThat(feedback.hasClass("invalid-feedback")).isTrue();
        assertThat(feedback.text()).contains(reason);
        // next to the field: in the same group as the control, not in a banner at the top
        assertThat(feedback.parent()).isEqualTo(control.parent());
        assertThat(page.select(".alert-danger").text()).doesNotContain(reason);
        return feedback;
    }

    /** What the control shows as typed: an input's value, a text area's text, a list's chosen option. */
    public static String shown(Document page, String controlId) {
        Element control = page.getElementById(controlId);
        assertThat(control).as("the control #" + controlId).isNotNull();
        return switch (control.tagName()) {
            case "textarea" -> control.wholeText();
            case "select" -> control.select("option[selected]").attr("value");
            default -> control.attr("value");
        };
    }
}
