package dev.aftersales.identity;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

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
        // an account without a password (a buyer known only from the storefront) is treated as disabled, and its
        // sign-in costs the same hash comparison as any other (against a hash of a password nobody knows)
        this.passwordHash = account.passwordHash() == null ? NoPassword.HASH : account.passwordHash();
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

    /** A bcrypt hash of a random password, made once: what an account without a password is compared with. */
    private static final class NoPassword {

        static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder().encode(UUID.randomUUID().toString());
    }
}
