package dev.aftersales.platform.config;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.aftersales.identity.ApiClient;
import dev.aftersales.identity.ApiClientManagement;
import dev.aftersales.identity.ApiKeyThrottle;
import dev.aftersales.identity.SellerApiKeys;

/**
 * Authenticates API callers by the {@code X-Api-Key} header: integration clients ({@link #forClients}) and shops'
 * systems ({@link #forSellerKeys}). No key or a wrong key stays anonymous (401). A client address that sent too many
 * wrong keys is answered 429 with {@code Retry-After} for a while, without its key being looked at (see
 * {@link ApiKeyThrottle}).
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";

    private final Function<String, Optional<? extends Authentication>> keys;
    private final ApiKeyThrottle throttle;

    private ApiKeyAuthenticationFilter(Function<String, Optional<? extends Authentication>> keys,
            ApiKeyThrottle throttle) {
        this.keys = keys;
        this.throttle = throttle;
    }

    static ApiKeyAuthenticationFilter forClients(ApiClientManagement clients, ApiKeyThrottle throttle) {
        return new ApiKeyAuthenticationFilter(key -> clients.authenticate(key).map(ApiClientAuthentication::new),
                throttle);
    }

    static ApiKeyAuthenticationFilter forSellerKeys(SellerApiKeys sellerKeys, ApiKeyThrottle throttle) {
        return new ApiKeyAuthenticationFilter(key -> sellerKeys.authenticate(key).map(SellerKeyAuthentication::new),
                throttle);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key != null) {
            String address = request.getRemoteAddr();
            Optional<Duration> blocked = throttle.blockedFor(address);
            if (blocked.isPresent()) {
                long seconds = Math.max(1, (blocked.get().toMillis() + 999) / 1000);
                response.setHeader("Retry-After", Long.toString(seconds));
                SecurityConfiguration.problem(response, 429, "Too Many Requests",
                        "Too many wrong API keys from this address; try again in " + seconds + " s");
                return;
            }
            Optional<? extends Authentication> caller = keys.apply(key);
            if (caller.isPresent()) {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(caller.get());
                SecurityContextHolder.setContext(context);
            } else {
                throttle.failed(address);
            }
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
