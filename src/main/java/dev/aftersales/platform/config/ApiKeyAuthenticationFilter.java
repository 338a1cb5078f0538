package dev.aftersales.platform.config;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.aftersales.identity.ApiClient;
import dev.aftersales.identity.ApiClientManagement;

/** Authenticates integration clients by the {@code X-Api-Key} header. No key or a wrong key stays anonymous (401). */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";

    private final ApiClientManagement clients;

    ApiKeyAuthenticationFilter(ApiClientManagement clients) {
        this.clients = clients;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key != null) {
            clients.authenticate(key).ifPresent(client -> {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new ApiClientAuthentication(client));
                SecurityContextHolder.setContext(context);
            });
        }
        chain.doFilter(request, response);
    }

    /** An authenticated integration client. */
    static final class ApiClientAuthentication extends AbstractAuthenticationToken {

        private final String clientName;

        ApiClientAuthentication(ApiClient client) {
            super(List.of(new SimpleGrantedAuthority("ROLE_INTEGRATION")));
            this.clientName = client.name();
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return clientName;
        }
    }
}
