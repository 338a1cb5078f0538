package dev.aftersales.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.aftersales.catalog.CatalogManagement;
import dev.aftersales.catalog.Shop;
import dev.aftersales.identity.AccountManagement;
import dev.aftersales.identity.NewAccount;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.identity.UsernameTaken;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.Role;
import dev.aftersales.shared.web.Moves;
import dev.aftersales.shared.web.PageView;
import dev.aftersales.shared.web.Paging;

/** Admins list, create, disable and re-enable accounts. Accounts are never deleted. */
@Controller
@RequestMapping("/admin/users")
class AdminUserController {

    private final AccountManagement accounts;
    private final CatalogManagement catalog;
    private final Moves moves;

    AdminUserController(AccountManagement accounts, CatalogManagement catalog, Moves moves) {
        this.accounts = accounts;
        this.catalog = catalog;
        this.moves = moves;
    }

    @ModelAttribute("roles")
    Role[] roles() {
        return Role.values();
    }

    @ModelAttribute("shops")
    java.util.List<Shop> shops() {
        return catalog.shops();
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        var result = accounts.page(Paging.of(page, 50));
        var shops = catalog.shopsById(result.getContent().stream().map(UserAccount::shopId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        model.addAttribute("users", PageView.of(result, a -> new UserRow(a.id(), a.username(), a.displayName(),
                a.role(), a.shopId() == null ? "" : shops.get(a.shopId()).name(), a.enabled(),
                a.email(), a.phone())));
        return "admin/users/list";
    }

    @GetMapping("/new")
    String newUser(Model model) {
        model.addAttribute("form", new UserForm("", "", null, "", "", "", null));
        return "admin/users/new";
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") UserForm form, BindingResult errors, RedirectAttributes redirect) {
        if (form.role() == Role.SELLER && form.shopId() == null) {
            errors.rejectValue("shopId", "admin.users.error.shopRequired");
        }
        if (errors.hasErrors()) {
            return "admin/users/new";
        }
        try {
            UserAccount created = accounts.create(new NewAccount(form.username(), form.password(), form.role(),
                    form.displayName(), form.email(), form.phone(), form.role() == Role.SELLER ? form.shopId() : null,
                    null));
            moves.success(redirect, "admin.users.created", created.username());
            return "redirect:/admin/users";
        } catch (UsernameTaken e) {
            errors.rejectValue("username", "admin.users.error.taken");
            return "admin/users/new";
        }
    }

    @PostMapping("/{id}/disable")
    String disable(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        if (id == me.accountId()) {
            moves.failure(redirect, "admin.users.error.self");
            return "redirect:/admin/users";
        }
        accounts.disable(id, me.accountId());
        moves.success(redirect, "admin.users.disabled", accounts.account(id).username());
        return "redirect:/admin/users";
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        accounts.enable(id);
        moves.success(redirect, "admin.users.enabled", accounts.account(id).username());
        return "redirect:/admin/users";
    }

    /** One row of the account list. */
    record UserRow(long id, String username, String displayName, Role role, String shopName, boolean enabled,
            String email, String phone) {
    }

    /** The new-account form. */
    record UserForm(
            @NotBlank @Pattern(regexp = "[a-zA-Z0-9._-]{3,32}", message = "{admin.users.error.username}")
            String username,
            @NotBlank @Size(max = 100) String displayName,
            @NotNull Role role,
            @NotBlank @Size(min = 8, max = 100, message = "{admin.users.error.password}") String password,
            @Email @Size(max = 200) String email,
            @Pattern(regexp = "|\\+?[0-9 -]{5,32}", message = "{admin.users.error.phone}") String phone,
            Long shopId) {
    }
}
