package dev.aftersales.platform.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

import dev.aftersales.identity.AccountAccessChanged;

/**
 * Ends every session of an account whose access changed (disabled, new password). Sessions are rows in PostgreSQL
 * found by the account's login name, so this ends them on every node: the account's next request finds no session,
 * its next page asks to sign in and its next form is refused (its CSRF token went with the session). The reaction
 * runs right after the change commits and, being recorded in the event publication registry, is retried after a
 * restart if the node stops first.
 */
@Component
class AccountSessions {

    private static final Logger log = LoggerFactory.getLogger(AccountSessions.class);

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    @ApplicationModuleListener
    void on(AccountAccessChanged changed) {
        int ended = endAll(changed.username());
        log.info("Account {} {}: {} session(s) ended", changed.username(), changed.change(), ended);
    }

    /** Ends every session signed in as this login name; answers how many there were. */
    int endAll(String username) {
        var open = sessions.findByPrincipalName(username);
        open.keySet().forEach(sessions::deleteById);
        return open.size();
    }
}
