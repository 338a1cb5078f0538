package dev.aftersales.identity;

import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
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
     * Password checking that looks at the account's state (disabled) only after the password: a disabled account
     * costs the same hash comparison as an unknown name (for which Spring Security compares with a dummy hash) and
     * as a wrong password.
     */
    static DaoAuthenticationProvider passwords(UserDetailsService users, PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        passwords.setPreAuthenticationChecks(user -> {
        });
        passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
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
