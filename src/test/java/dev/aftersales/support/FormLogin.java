package dev.aftersales.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.aftersales.identity.UserAccount;
import jakarta.servlet.http.Cookie;

/** Signing in through the real login form in MockMvc tests, as a browser would. */
public final class FormLogin {

    private FormLogin() {
    }

    /**
     * Signs in with {@link Fixtures#PASSWORD}, checks the landing page is the role's home, and returns what the
     * browser would send afterwards (the session cookie and session).
     */
    public static RequestPostProcessor signIn(MockMvc mvc, UserAccount account) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user(account.username()).password(Fixtures.PASSWORD))
                .andExpect(redirectedUrl(account.role().home())).andReturn();
        Cookie cookie = result.getResponse().getCookie("SESSION");
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        return request -> {
            if (cookie != null) {
                request.setCookies(cookie);
            }
            if (session != null) {
                request.setSession(session);
            }
            return request;
        };
    }

    /**
     * Signs in through the login form over real HTTP against the test server on {@code port}: a session of its own,
     * as a second browser would have.
     */
    public static HttpUser overHttp(int port, UserAccount account) {
        return HttpUser.signedIn(port, account);
    }
}
