package dev.aftersales.notifications.web;

import java.util.Locale;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.aftersales.notifications.internal.InboxManagement;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.web.Moves;
import dev.aftersales.shared.web.PageView;

/** The inbox of every signed-in user: their messages, newest first, read and unread. */
@Controller
class InboxController {

    static final int PAGE_SIZE = 20;

    private final InboxManagement inbox;
    private final Moves moves;

    InboxController(InboxManagement inbox, Moves moves) {
        this.inbox = inbox;
        this.moves = moves;
    }

    @GetMapping("/inbox")
    String list(CurrentUser me, @RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
        model.addAttribute("items",
                PageView.of(inbox.page(me, PageRequest.of(Math.max(page, 0), PAGE_SIZE), locale)));
        model.addAttribute("emailEnabled", inbox.emailEnabled());
        return "inbox/list";
    }

    /** The page an item concerns. Following it changes nothing: opening from the inbox posts (see below). */
    @GetMapping("/inbox/{id}")
    String follow(CurrentUser me, @PathVariable long id) {
        return "redirect:" + inbox.link(me, id);
    }

    /** Opens an item from the inbox (a small form): marks it read and goes to the page it concerns. */
    @PostMapping("/inbox/{id}/open")
    String open(CurrentUser me, @PathVariable long id) {
        return "redirect:" + inbox.open(me, id);
    }

    @PostMapping("/inbox/{id}/read")
    String markRead(CurrentUser me, @PathVariable long id, @RequestParam(defaultValue = "0") int page,
            RedirectAttributes redirect) {
        inbox.markRead(me, id);
        moves.success(redirect, "notifications.inbox.flash.read");
        return "redirect:/inbox" + (page > 0 ? "?page=" + page : "");
    }

    @PostMapping("/inbox/read-all")
    String markAllRead(CurrentUser me, RedirectAttributes redirect) {
        int count = inbox.markAllRead(me);
        moves.success(redirect, "notifications.inbox.flash.allRead", count);
        return "redirect:/inbox";
    }
}
