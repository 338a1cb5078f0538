package dev.aftersales.notifications.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.aftersales.notifications.internal.InboxManagement;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.web.CurrentUserArgumentResolver;

/** The unread count beside "Inbox" in the header of every page a signed-in user sees (one indexed count). */
@ControllerAdvice
class InboxAdvice {

    private final InboxManagement inbox;

    InboxAdvice(InboxManagement inbox) {
        this.inbox = inbox;
    }

    @ModelAttribute("inboxUnread")
    Long inboxUnread() {
        CurrentUser me = CurrentUserArgumentResolver.current();
        return me == null ? null : inbox.unreadCount(me);
    }
}
