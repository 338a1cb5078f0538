package dev.aftersales.claims.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.aftersales.claims.ClaimNotAllowed;
import dev.aftersales.claims.ReplyPlaceholders;
import dev.aftersales.claims.SavedReplies;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.web.Moves;

/**
 * Saved replies: the shop's for its sellers ({@code /seller/replies}), the platform's for agents' rationales
 * ({@code /agent/replies}). One page for both; each role reaches only its own URL.
 */
@Controller
class SavedReplyController {

    private final SavedReplies replies;
    private final Moves moves;

    SavedReplyController(SavedReplies replies, Moves moves) {
        this.replies = replies;
        this.moves = moves;
    }

    @GetMapping({ "/seller/replies", "/agent/replies" })
    String list(CurrentUser me, Model model) {
        model.addAttribute("replies", replies.of(me));
        model.addAttribute("base", base(me));
        model.addAttribute("placeholders", String.join(" ", ReplyPlaceholders.NAMES));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ReplyForm("", ""));
        }
        return "claims/replies";
    }

    @PostMapping({ "/seller/replies", "/agent/replies" })
    String create(CurrentUser me, @ModelAttribute("form") ReplyForm form, Model model, RedirectAttributes redirect) {
        try {
            replies.create(me, form.title(), form.body());
            moves.success(redirect, "replies.created");
            return "redirect:" + base(me);
        } catch (ClaimNotAllowed refused) {
            BindingResult errors = new BeanPropertyBindingResult(form, "form");
            moves.reject(errors, refused);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
            return list(me, model);
        }
    }

    @PostMapping({ "/seller/replies/{id}/retire", "/agent/replies/{id}/retire" })
    String retire(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        replies.retire(id, me);
        moves.success(redirect, "replies.retired");
        return "redirect:" + base(me);
    }

    private static String base(CurrentUser me) {
        return me.isPlatformStaff() ? "/agent/replies" : "/seller/replies";
    }

    /** A new saved reply. */
    record ReplyForm(String title, String body) {
    }
}
