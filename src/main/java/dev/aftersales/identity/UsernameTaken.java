package dev.aftersales.identity;

/** The login name is already used by another account (enabled or not). */
public class UsernameTaken extends RuntimeException {

    public UsernameTaken(String username) {
        super("Username " + username + " is taken");
    }
}
