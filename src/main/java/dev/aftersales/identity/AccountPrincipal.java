package dev.aftersales.identity;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.CurrentUserSource;

/** The signed-in account as Spring Security keeps it in the (database-backed) session. */
public final class AccountPrincipal implements UserDetails, CredentialsContainer, CurrentUserSource {

    private static final long serialVersionUID = 1L;

    private final CurrentUser user;
    private String passwordHash;
    private final boolean enabled;

    AccountPrincipal(UserAccount account) {
        this.user = account.toCurrentUser();
        // an account without a password (a buyer known only from the storefront) is treated as disabled
        this.passwordHash = account.passwordHash() == null ? "" : account.passwordHash();
        this.enabled = account.enabled() && account.passwordHash() != null;
    }

    @Override
    public CurrentUser currentUser() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(user.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        this.passwordHash = null;
    }
}
