package dev.aftersales.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.aftersales.shared.Role;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.Fixtures;

/**
 * A sign-in that fails costs the same work whatever the reason (one bcrypt comparison), so its duration does not
 * tell an unknown name from an account that exists, is disabled or has no password.
 */
@AftersalesIntegrationTest
class PasswordCheckIntegrationTests {

    @Autowired
    AccountUserDetailsService users;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    AccountManagement accounts;
    @Autowired
    Fixtures fixtures;

    final AtomicInteger comparisons = new AtomicInteger();

    AuthenticationProvider passwords() {
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence rawPassword) {
                return passwordEncoder.encode(rawPassword);
            }

            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                if (encodedPassword != null && encodedPassword.startsWith("{bcrypt}$2")) {
                    comparisons.incrementAndGet();
                }
                return passwordEncoder.matches(rawPassword, encodedPassword);
            }
        };
        return ThrottledAuthenticationProvider.passwords(users, counting);
    }

    void refusedAfterOneComparison(AuthenticationProvider passwords, String username, String password) {
        comparisons.set(0);
        assertThatThrownBy(() -> passwords.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(username, password)))
                .as(username).isInstanceOf(AuthenticationException.class);
        assertThat(comparisons).as("bcrypt comparisons for " + username).hasValue(1);
    }

    @Test
    void everyFailedSignInComparesOnePasswordHash() {
        AuthenticationProvider passwords = passwords();
        UserAccount known = fixtures.account(Role.BUYER, null);
        UserAccount disabled = fixtures.account(Role.BUYER, null);
        accounts.disable(disabled.id(), -1);
        UserAccount withoutPassword = accounts.ensureBuyer(Fixtures.unique("storefront-"), "Storefront Buyer", null);

        refusedAfterOneComparison(passwords, known.username(), "wrong-password");
        refusedAfterOneComparison(passwords, Fixtures.unique("nobody"), "wrong-password");
        refusedAfterOneComparison(passwords, disabled.username(), "wrong-password");
        refusedAfterOneComparison(passwords, disabled.username(), Fixtures.PASSWORD);
        refusedAfterOneComparison(passwords, withoutPassword.username(), "wrong-password");
        refusedAfterOneComparison(passwords, withoutPassword.username(), "");

        comparisons.set(0);
        assertThat(passwords.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(known.username(),
                Fixtures.PASSWORD)).isAuthenticated()).isTrue();
        assertThat(comparisons).hasValue(1);
    }
}
