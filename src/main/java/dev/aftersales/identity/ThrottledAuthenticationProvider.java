package dev.aftersales.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Wraps password authentication with {@link LoginThrottle}. Every kind of failure (unknown name, wrong password,
 * disabled account, account without a password) becomes the same "bad credentials" answer after the same work (one
 * password hash comparison), and a locked name or address the same "locked" answer before any, so a failed sign-in
 * never tells whether the account exists.
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;

    public ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    /** Sign-in with the accounts' passwords, throttled. */
    public static ThrottledAuthenticationProvider forAccounts(UserDetailsService users, PasswordEncoder passwordEncoder,
            LoginThrottle throttle) {
        return new ThrottledAuthenticationProvider(passwords(users, passwordEncoder), throttle);
    }

    /**
     * Password checking. Spring Security compares the presented password with a dummy hash for an unknown name and
     * still compares it for a disabled account; an account without a password is compared with a hash nobody knows
     * the password of (see {@link AccountPrincipal}). Every answer thus costs one hash comparison.
     */
    static DaoAuthenticationProvider passwords(UserDetailsService users, PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        return passwords;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        if (throttle.addressBlocked(address) || throttle.lockedUntil(username).isPresent()) {
            throw new LoginLocked();
        }
        Authentication result;
        try {
            result = delegate.authenticate(authentication);
        } catch (AuthenticationException failure) {
            if (throttle.recordFailure(username, address)) {
                throw new LoginLocked();
            }
            throw new BadCredentialsException("Bad credentials");
        }
        throttle.recordSuccess(username);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
