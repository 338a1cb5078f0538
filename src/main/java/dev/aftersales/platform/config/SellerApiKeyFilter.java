package dev.aftersales.platform.config;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.aftersales.identity.ApiKeyThrottle;
import dev.aftersales.identity.ApiScope;
import dev.aftersales.identity.SellerApiCaller;
import dev.aftersales.identity.SellerApiKeys;

/**
 * Authenticates a shop's systems on the seller API by the {@code X-Api-Key} header: the request gets the role
 * SELLER_API and one authority per scope of the key. No key or a wrong one stays anonymous (401); an address that
 * sent too many wrong keys is answered 429, as on the integration API.
 */
class SellerApiKeyFilter extends OncePerRequestFilter {

    private final SellerApiKeys keys;
    private final ApiKeyThrottle throttle;

    SellerApiKeyFilter(SellerApiKeys keys, ApiKeyThrottle throttle) {
        this.keys = keys;
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(ApiKeyAuthenticationFilter.HEADER);
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
            Optional<SellerApiCaller> caller = keys.authenticate(key);
            if (caller.isPresent()) {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new SellerKeyAuthentication(caller.get()));
                SecurityContextHolder.setContext(context);
            } else {
                throttle.failed(address);
            }
        }
        chain.doFilter(request, response);
    }

    /** A shop's system, authenticated by its key. */
    static final class SellerKeyAuthentication extends AbstractAuthenticationToken {

        private final SellerApiCaller caller;

        SellerKeyAuthentication(SellerApiCaller caller) {
            super(authorities(caller));
            this.caller = caller;
            setAuthenticated(true);
        }

        private static List<GrantedAuthority> authorities(SellerApiCaller caller) {
            List<GrantedAuthority> held = new ArrayList<>();
            held.add(new SimpleGrantedAuthority("ROLE_SELLER_API"));
            for (ApiScope scope : caller.scopes()) {
                held.add(new SimpleGrantedAuthority(scope.authority()));
            }
            return held;
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return caller;
        }
    }
}
