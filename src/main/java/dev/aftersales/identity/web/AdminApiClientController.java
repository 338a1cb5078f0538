package dev.aftersales.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.aftersales.identity.ApiClientManagement;
import dev.aftersales.shared.web.Moves;

/** Admins create integration API clients (the key is shown once) and revoke them. */
@Controller
@RequestMapping("/admin/api-clients")
class AdminApiClientController {

    private final ApiClientManagement clients;
    private final Moves moves;

    AdminApiClientController(ApiClientManagement clients, Moves moves) {
        this.clients = clients;
        this.moves = moves;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("clients", clients.clients().stream()
                .map(c -> new ClientRow(c.id(), c.name(), c.keyPrefix(), c.createdAt(), c.revokedAt())).toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ClientForm(""));
        }
        return "admin/api-clients/list";
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") ClientForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                var issued = clients.create(form.name().trim());
                redirect.addFlashAttribute("issuedKey", issued.key());
                redirect.addFlashAttribute("issuedName", issued.client().name());
                return "redirect:/admin/api-clients";
            } catch (IllegalArgumentException taken) {
                errors.rejectValue("name", "admin.apiClients.error.taken");
            }
        }
        return list(model);
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        clients.revoke(id);
        moves.success(redirect, "admin.apiClients.revoked");
        return "redirect:/admin/api-clients";
    }

    /** One client in the list. */
    record ClientRow(long id, String name, String keyPrefix, java.time.Instant createdAt,
            java.time.Instant revokedAt) {
    }

    /** The new-client form. */
    record ClientForm(@NotBlank @Pattern(regexp = "[A-Za-z0-9 ._-]{3,100}", message = "{admin.apiClients.error.name}")
    String name) {
    }
}
