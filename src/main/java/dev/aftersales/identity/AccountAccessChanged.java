package dev.aftersales.identity;

/**
 * An account's access changed so that the sessions it has open must end: it was disabled, or its password was
 * changed (whoever held the old one is signed out). Accounts never change their role.
 *
 * @param username the login name, as sessions know their account
 */
public record AccountAccessChanged(long accountId, String username, Change change) {

    /** What changed. */
    public enum Change {
        DISABLED, PASSWORD_CHANGED
    }
}
