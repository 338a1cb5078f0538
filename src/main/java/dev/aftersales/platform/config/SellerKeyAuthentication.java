package dev.aftersales.platform.config;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import dev.aftersales.identity.ApiScope;
import dev.aftersales.identity.SellerApiCaller;

/**
 * A shop's system, authenticated on the seller API by its key ({@link ApiKeyAuthenticationFilter#forSellerKeys}):
 * the role SELLER_API and one authority per scope of the key.
 */
final class SellerKeyAuthentication extends AbstractAuthenticationToken {

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
