package dev.aftersales.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import dev.aftersales.shared.CurrentUser;

/** The site root sends a signed-in user to their role's home and everybody else to the sign-in page. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(CurrentUser me) {
        return me == null ? "redirect:/login" : "redirect:" + me.role().home();
    }

    @GetMapping("/login")
    String login(CurrentUser me) {
        return me == null ? "login" : "redirect:" + me.role().home();
    }
}
