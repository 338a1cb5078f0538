package dev.aftersales.platform.web;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.aftersales.shared.CurrentUser;

/**
 * The site root sends a signed-in user to their role's home and everybody else to the sign-in page. While the desk
 * is still starting (readiness not yet UP: the demo data is loading), the sign-in page says so.
 */
@Controller
class HomeController {

    private final ApplicationAvailability availability;

    HomeController(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @GetMapping("/")
    String home(CurrentUser me) {
        return me == null ? "redirect:/login" : "redirect:" + me.role().home();
    }

    @GetMapping("/login")
    String login(CurrentUser me, Model model) {
        model.addAttribute("starting", availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC);
        return me == null ? "login" : "redirect:" + me.role().home();
    }
}
