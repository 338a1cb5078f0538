package dev.aftersales.notifications.internal;

import java.util.List;

/**
 * One thing to tell people, before it becomes inbox items: the occurrence's key (a second notice with the same key
 * tells nobody again), the text's message code and arguments (see {@link NoticeText}), whether it is urgent enough
 * for a text message, and who gets it with the page each of them is pointed to.
 */
record Notice(String key, String code, List<String> args, boolean urgent, List<Recipient> recipients) {

    Notice {
        args = List.copyOf(args);
        recipients = List.copyOf(recipients);
    }

    /** An account to tell and the desk page (a path) their item links to, or {@code null}. */
    record Recipient(long accountId, String link) {
    }
}
