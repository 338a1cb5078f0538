package dev.aftersales.risk.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.aftersales.risk.internal.HolidayExtensions;
import dev.aftersales.risk.internal.RiskSettings;
import dev.aftersales.risk.internal.RiskSettingsStore;
import dev.aftersales.shared.SettingsStore;
import dev.aftersales.catalog.PolicyAdministration;
import dev.aftersales.catalog.PolicyDefaults;
import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.Party;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.RecordSettings;
import dev.aftersales.shared.web.Formats;
import dev.aftersales.shared.web.Moves;

/**
 * The admin's policy page: the platform's deadline table and the risk thresholds, editable at run time (every
 * change recorded with who, when, old and new; clocks that start afterwards use the new values), and holiday
 * extensions of running due times. A refused value is shown next to its field with what was typed.
 */
@Controller
@RequestMapping("/admin/policy")
class AdminPolicyController {

    private static final String DEADLINE_PREFIX = "policy.";
    private static final String THRESHOLD_PREFIX = "risk.";

    private final PolicyAdministration policy;
    private final RiskSettingsStore thresholds;
    private final HolidayExtensions extensions;
    private final Formats formats;
    private final Moves moves;

    AdminPolicyController(PolicyAdministration policy, RiskSettingsStore thresholds, HolidayExtensions extensions,
            Formats formats, Moves moves) {
        this.policy = policy;
        this.thresholds = thresholds;
        this.extensions = extensions;
        this.formats = formats;
        this.moves = moves;
    }

    /** A field's error: the message key and its arguments. */
    record FieldError(String messageKey, Object[] args) {
    }

    /** The extension form as typed. */
    record ExtensionForm(String id, String target, String status, String party, String hours, String from,
            String to, String reason) {

        static ExtensionForm fresh() {
            return new ExtensionForm(UUID.randomUUID().toString(), "CLAIMS", "", "", "24", "", "", "");
        }
    }

    @GetMapping
    String show(Model model) {
        return page(model, Map.of(), Map.of(), Map.of(), Map.of(), ExtensionForm.fresh());
    }

    @PostMapping("/deadlines")
    String deadlines(CurrentUser me, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes redirect) {
        return save(me, typed(params, DEADLINE_PREFIX), policy.entries(), policy::change, true, model, redirect);
    }

    @PostMapping("/thresholds")
    String thresholds(CurrentUser me, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes redirect) {
        return save(me, typed(params, THRESHOLD_PREFIX), thresholds.entries(), thresholds::change, false, model,
                redirect);
    }

    /** Changes one setting; whether it changed (a {@link SettingsStore} owner's {@code change}). */
    @FunctionalInterface
    private interface SettingChange {

        boolean change(String name, String text, String changedBy);
    }

    /**
     * Saves every typed value of one list (the deadlines or the thresholds); a refused one stays in its field with
     * its reason, the others are saved.
     */
    private String save(CurrentUser me, Map<String, String> typed, List<RecordSettings.Entry> entries,
            SettingChange change, boolean deadlines, Model model, RedirectAttributes redirect) {
        Map<String, FieldError> errors = new LinkedHashMap<>();
        int changed = 0;
        for (RecordSettings.Entry entry : entries) {
            String value = typed.get(entry.name());
            if (value == null) {
                continue;
            }
            try {
                if (change.change(entry.name(), stored(entry, value), me.username())) {
                    changed++;
                }
            } catch (SettingsStore.Rejected e) {
                errors.put(entry.name(), new FieldError(e.messageKey(), e.args()));
            }
        }
        if (!errors.isEmpty()) {
            model.addAttribute("flashError", "risk.policy.partlySaved");
            model.addAttribute("flashErrorArgs", new Object[] { changed });
            return deadlines ? page(model, typed, errors, Map.of(), Map.of(), ExtensionForm.fresh())
                    : page(model, Map.of(), Map.of(), typed, errors, ExtensionForm.fresh());
        }
        moves.success(redirect, "risk.policy.saved", changed);
        return deadlines ? "redirect:/admin/policy" : "redirect:/admin/policy#thresholds";
    }

    @PostMapping("/extensions")
    String extend(CurrentUser me, ExtensionForm form, Model model, RedirectAttributes redirect) {
        Map<String, FieldError> errors = new LinkedHashMap<>();
        HolidayExtensions.Target target = parse(HolidayExtensions.Target.class, form.target(), "target", errors);
        ClaimStatus status = parse(ClaimStatus.class, form.status(), "status", errors);
        Party party = parse(Party.class, form.party(), "party", errors);
        int hours = 0;
        try {
            hours = Integer.parseInt(form.hours() == null ? "" : form.hours().trim());
        } catch (NumberFormatException e) {
            errors.put("hours", new FieldError("risk.extension.error.hours", new Object[] { 1, 720 }));
        }
        Instant from = startOfDay(form.from(), 0, "from", errors);
        Instant to = startOfDay(form.to(), 1, "to", errors);
        if (errors.isEmpty()) {
            try {
                HolidayExtensions.Result result = extensions.apply(new HolidayExtensions.Request(form.id(), target,
                        status, party, hours, from, to, form.reason()), me.username());
                moves.success(redirect, result.alreadyApplied() ? "risk.extension.already" : "risk.extension.applied",
                        result.extended());
                return "redirect:/admin/policy#extensions";
            } catch (SettingsStore.Rejected e) {
                errors.put(e.field(), new FieldError(e.messageKey(), e.args()));
            }
        }
        model.addAttribute("flashError", "risk.extension.refused");
        return page(model, Map.of(), Map.of(), Map.of(), Map.of(), form, errors);
    }

    private String page(Model model, Map<String, String> deadlineTyped, Map<String, FieldError> deadlineErrors,
            Map<String, String> thresholdTyped, Map<String, FieldError> thresholdErrors, ExtensionForm form) {
        return page(model, deadlineTyped, deadlineErrors, thresholdTyped, thresholdErrors, form, Map.of());
    }

    private String page(Model model, Map<String, String> deadlineTyped, Map<String, FieldError> deadlineErrors,
            Map<String, String> thresholdTyped, Map<String, FieldError> thresholdErrors, ExtensionForm form,
            Map<String, FieldError> extensionErrors) {
        model.addAttribute("deadlines", policy.entries());
        model.addAttribute("configuredDeadlines", shown(RecordSettings.entries(policy.configured())));
        model.addAttribute("deadlineTyped", deadlineTyped);
        model.addAttribute("deadlineErrors", deadlineErrors);
        model.addAttribute("thresholds", thresholds.entries());
        model.addAttribute("thresholdTyped", thresholdTyped);
        model.addAttribute("thresholdErrors", thresholdErrors);
        model.addAttribute("deadlineChanges", shown(policy.changes(50), PolicyDefaults.class));
        model.addAttribute("thresholdChanges", shown(thresholds.changes(50), RiskSettings.class));
        model.addAttribute("extension", form);
        model.addAttribute("extensionErrors", extensionErrors);
        model.addAttribute("extensions", extensions.applied(20));
        model.addAttribute("targets", HolidayExtensions.Target.values());
        model.addAttribute("statuses", java.util.Arrays.stream(ClaimStatus.values()).filter(ClaimStatus::isOpen)
                .toList());
        model.addAttribute("parties", List.of(Party.BUYER, Party.SELLER, Party.AGENT, Party.CARRIER, Party.SYSTEM));
        model.addAttribute("zone", formats.zone().getId());
        return "admin/policy";
    }

    /**
     * The text to store for a typed value: amounts are typed in yuan ("20.00") and kept in fen; other values as
     * typed.
     *
     * @throws SettingsStore.Rejected when an amount is not yuan with at most two decimals
     */
    private static String stored(RecordSettings.Entry entry, String typed) {
        if (entry.kind() != RecordSettings.Kind.MONEY) {
            return typed;
        }
        try {
            return String.valueOf(Money.parse(typed, Money.CNY).minor());
        } catch (RuntimeException e) {
            throw new SettingsStore.Rejected(entry.name(), "risk.policy.error.money");
        }
    }

    /** The values as a person reads them: amounts in yuan ("¥20.00"), the rest as stored ("48h"). */
    private Map<String, String> shown(List<RecordSettings.Entry> entries) {
        Map<String, String> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.name(), e.kind() == RecordSettings.Kind.MONEY ? formats.fen(e.number())
                : e.value()));
        return map;
    }

    /** Recorded changes with amounts in yuan. */
    private List<SettingsStore.Change> shown(List<SettingsStore.Change> changes,
            Class<? extends Record> settings) {
        return changes.stream().map(c -> {
            Class<?> type = RecordSettings.typeOf(settings, c.name());
            if (type == null || RecordSettings.kindOf(c.name(), type) != RecordSettings.Kind.MONEY) {
                return c;
            }
            return new SettingsStore.Change(c.name(), yuan(c.oldValue()), yuan(c.newValue()), c.changedBy(),
                    c.changedAt());
        }).toList();
    }

    private String yuan(String fen) {
        try {
            return formats.fen(Long.parseLong(fen.trim()));
        } catch (RuntimeException unreadable) {
            return fen;
        }
    }

    private static Map<String, String> typed(Map<String, String> params, String prefix) {
        Map<String, String> typed = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                typed.put(k.substring(prefix.length()), v);
            }
        });
        return typed;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, String field,
            Map<String, FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim());
        } catch (IllegalArgumentException e) {
            errors.put(field, new FieldError("risk.extension.error." + field, new Object[0]));
            return null;
        }
    }

    /** The first and last day an extension may name: the desk keeps no due times outside them. */
    static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2099, 12, 31);

    private Instant startOfDay(String text, int plusDays, String field, Map<String, FieldError> errors) {
        LocalDate day;
        try {
            String typed = text == null ? "" : text.trim();
            day = typed.length() > 10 ? null : LocalDate.parse(typed);
        } catch (DateTimeParseException e) {
            day = null;
        }
        if (day == null) {
            errors.put(field, new FieldError("risk.extension.error.date", new Object[0]));
            return null;
        }
        if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
            errors.put(field, new FieldError("risk.extension.error.dateRange",
                    new Object[] { FIRST_DAY.toString(), LAST_DAY.toString() }));
            return null;
        }
        return day.plusDays(plusDays).atStartOfDay(formats.zone()).toInstant();
    }
}
