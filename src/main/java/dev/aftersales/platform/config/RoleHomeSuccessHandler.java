package dev.aftersales.platform.config;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.CurrentUserSource;

/**
 * After signing in, a user goes back to the page that asked them to sign in when it is in their own URL space
 * (a buyer following a link to their claim), and otherwise to their role's home.
 */
class RoleHomeSuccessHandler implements AuthenticationSuccessHandler {

    private final RequestCache requestCache = new HttpSessionRequestCache();

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        CurrentUser user = ((CurrentUserSource) authentication.getPrincipal()).currentUser();
        String target = user.role().home();
        SavedRequest saved = requestCache.getRequest(request, response);
        if (saved != null) {
            requestCache.removeRequest(request, response);
            String path = java.net.URI.create(saved.getRedirectUrl()).getRawPath();
            String query = java.net.URI.create(saved.getRedirectUrl()).getRawQuery();
            String space = "/" + user.role().name().toLowerCase(java.util.Locale.ROOT) + "/";
            if (path != null && (path.startsWith(space) || path.equals("/inbox") || path.startsWith("/inbox/"))) {
                target = path + (query == null ? "" : "?" + query);
            }
        }
        response.sendRedirect(request.getContextPath() + target);
    }
}
