package dev.aftersales.identity;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins for this login name; try again later. Said the same way whether the account exists. */
public class LoginLocked extends AuthenticationException {

    public LoginLocked() {
        super("Too many failed sign-ins");
    }
}
