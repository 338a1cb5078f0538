package dev.aftersales.shared.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.WebUtils;

/**
 * A form of a page that was refused after it was sent, as the page shows it again after the redirect: what was
 * typed into it (every field but files, which browsers cannot fill in again), and each reason next to the field it
 * concerns. A reason that concerns no field of the form is shown above the page; what was typed is kept all the
 * same.
 * <p>
 * A page form is named by the last segment of the address it is sent to ({@code /seller/claims/7/reject} is the
 * form {@code reject} of {@code /seller/claims/7}); the page asks {@link #field(String, String)} for each of its
 * fields. The reason's field is the one the refusal names, else the one its message key concerns
 * ({@link #FIELD_OF_KEY}, the one list of them), when the form has it.
 */
public final class FormRefusal implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The model (and flash) attribute the pages read. */
    public static final String ATTRIBUTE = "refusal";

    /** No form was refused: every field as the page draws it first. */
    public static final FormRefusal NONE = new FormRefusal("", Map.of(), Map.of(), Map.of());

    /** Fields a refusal's message key concerns, when the refusal does not name one itself. */
    static final Map<String, String> FIELD_OF_KEY = Map.ofEntries(
            Map.entry("claim.rejected.reasonRequired", "reason"),
            Map.entry("claim.rejected.noteRequired", "note"),
            Map.entry("claim.rejected.inspectionNote", "note"),
            Map.entry("claim.rejected.partialAmount", "amount"),
            Map.entry("claim.rejected.refundCap", "amount"),
            Map.entry("claim.form.error.amountFormat", "amount"),
            Map.entry("claim.rejected.alternative", "alternative"),
            Map.entry("claim.error.inspection", "result"),
            Map.entry("claim.rejected.evidenceAnswer", "text"),
            Map.entry("claim.rejected.appealStatement", "statement"),
            Map.entry("claim.message.error.empty", "body"),
            Map.entry("claim.message.error.length", "body"),
            Map.entry("watchers.supply.error.format", "trackingNumber"),
            Map.entry("shipping.error.inUse", "trackingNumber"));

    /** Fields never sent back to the page: the form's own bookkeeping. */
    private static final List<String> NOT_TYPED = List.of("_csrf", "version", "submissionKey");

    /** The most characters of one field kept for the page (twice the longest text a form takes). */
    static final int KEPT_CHARS = 2 * InputLimits.TEXT;

    /** The most fields of one form kept for the page. */
    static final int KEPT_FIELDS = 50;

    private static final Pattern SHOWN_AT_FIELDS = Pattern.compile("^/(buyer|seller)/claims/\\d+$");

    private static final Pattern LAST_SEGMENT = Pattern.compile(".*/");

    private final String form;
    private final Map<String, String> values;
    private final Map<String, List<Message>> errors;
    private final Map<String, List<String>> files;

    private FormRefusal(String form, Map<String, String> values, Map<String, List<Message>> errors,
            Map<String, List<String>> files) {
        this.form = form;
        this.values = values;
        this.errors = errors;
        this.files = files;
    }

    /** A reason with its message arguments (already formatted for the reader). */
    public record Message(String key, Object[] args) implements Serializable {
    }

    /**
     * Refuses the form of the current request: what was typed comes back, the reason next to {@code field} (or the
     * field its key concerns), or above the page when the form has no such field.
     */
    public static void refuse(String field, String key, Object... args) {
        refuse(field, List.of(new Message(key, args == null ? new Object[0] : args)));
    }

    /** Refuses the form of the current request with several reasons for one field (or the form). */
    public static void refuse(String field, List<Message> messages) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        refuse(request, RequestContextUtils.getOutputFlashMap(request), field, messages);
    }

    /** As {@link #refuse(String, List)}, into the given flash map (for answers given before a controller ran). */
    public static void refuse(HttpServletRequest request, FlashMap flash, String field, List<Message> messages) {
        String target = field != null ? field : FIELD_OF_KEY.get(messages.get(0).key());
        Map<String, String> typed = typed(request);
        boolean fileField = target != null && isMultipart(request) && hasPart(request, target);
        if (target != null && (typed.containsKey(target) || fileField)) {
            FormRefusal previous = flash.get(ATTRIBUTE) instanceof FormRefusal r ? r : null;
            Map<String, List<Message>> errors = new LinkedHashMap<>(previous == null ? Map.of() : previous.errors);
            errors.computeIfAbsent(target, f -> new ArrayList<>()).addAll(messages);
            flash.put(ATTRIBUTE, new FormRefusal(formOf(request), typed, errors, files(request)));
        } else {
            flash.put(ATTRIBUTE, new FormRefusal(formOf(request), typed, Map.of(), files(request)));
            flash.put("flashError", messages.get(0).key());
            flash.put("flashErrorArgs", messages.get(0).args());
        }
    }

    /**
     * The form of the current request shown again in place, without a redirect (a page that binds its form): what
     * was typed, and the reasons for each field.
     */
    public static FormRefusal shownAgain(Map<String, List<Message>> errors) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        return new FormRefusal(formOf(request), typed(request), Map.copyOf(errors), files(request));
    }

    /** The pages that draw the refusals of every form on them next to its fields: the claim pages of both parties. */
    public static boolean shownAtFields(String path) {
        return path != null && SHOWN_AT_FIELDS.matcher(path).matches();
    }

    /** The name of the form a request was sent from: the last segment of its address. */
    static String formOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return LAST_SEGMENT.matcher(path).replaceFirst("");
    }

    /**
     * What was typed, as it goes back to the page: a text somewhat longer than its field allows comes back whole (to
     * be shortened), a text far past every limit of the desk only as far as {@link #KEPT_CHARS}; at most
     * {@link #KEPT_FIELDS} fields.
     */
    private static Map<String, String> typed(HttpServletRequest request) {
        Map<String, String> typed = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!NOT_TYPED.contains(name) && values != null && values.length > 0 && typed.size() < KEPT_FIELDS) {
                String value = values[0] == null ? "" : values[0];
                typed.put(name, value.length() > KEPT_CHARS ? value.substring(0,
                        Character.isHighSurrogate(value.charAt(KEPT_CHARS - 1)) ? KEPT_CHARS - 1 : KEPT_CHARS) : value);
            }
        });
        return typed;
    }

    /** The names of the files chosen per file field (what the page says was not sent), at most ten per field. */
    private static Map<String, List<String>> files(HttpServletRequest request) {
        Map<String, List<String>> files = new LinkedHashMap<>();
        if (!isMultipart(request)) {
            return files;
        }
        MultipartHttpServletRequest resolved = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (resolved != null) {
            resolved.getMultiFileMap().forEach((field, chosen) -> chosen.forEach(
                    f -> chose(files, field, f.getOriginalFilename())));
        } else {
            try {
                request.getParts().forEach(p -> chose(files, p.getName(), p.getSubmittedFileName()));
            } catch (Exception e) {
                // an upload the server could not read: no names to give
            }
        }
        return files;
    }

    private static void chose(Map<String, List<String>> files, String field, String name) {
        String clean = name == null ? "" : InputText.fileName(name);
        if (field != null && !clean.isBlank()) {
            List<String> names = files.computeIfAbsent(field, f -> new ArrayList<>());
            if (names.size() < 10) {
                names.add(clean.length() > 120 ? clean.substring(0, 120) : clean);
            }
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("multipart/");
    }

    private static boolean hasPart(HttpServletRequest request, String name) {
        MultipartHttpServletRequest resolved = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (resolved != null && !resolved.getFiles(name).isEmpty()) {
            return true;
        }
        try {
            return request.getParts().stream().anyMatch(p -> name.equals(p.getName()));
        } catch (Exception | LinkageError e) {
            return false; // an upload the server could not read has no parts to name
        }
    }

    // ------------------------------------------------------------------------------------------ for the pages

    /** Whether a form of the page was refused (what the tests and the layout ask). */
    public boolean refused() {
        return !form.isEmpty();
    }

    public String form() {
        return form;
    }

    /** The reasons per field of the refused form. */
    public Map<String, List<Message>> errors() {
        return errors;
    }

    /** One field of one form of the page, as the page draws it. */
    public Field field(String formName, String name) {
        if (!form.equals(formName)) {
            return new Field(formName, name, null, List.of(), List.of());
        }
        return new Field(formName, name, values.get(name), errors.getOrDefault(name, List.of()),
                files.getOrDefault(name, List.of()));
    }

    /**
     * A field as the page draws it: the value typed (null: the page's own), and its reasons.
     *
     * @param form     the form's name
     * @param name     the field's name
     * @param value    what was typed, or null
     * @param messages why it was refused (empty when it was not)
     * @param notSent  for a file field: the files that were chosen and not kept (a browser cannot fill them in)
     */
    public record Field(String form, String name, String value, List<Message> messages, List<String> notSent) {

        /** The files chosen and not kept, as the page names them ("a.png, b.pdf"), or null when none. */
        public String notSentNames() {
            return notSent.isEmpty() ? null : String.join(", ", notSent);
        }

        public boolean invalid() {
            return !messages.isEmpty();
        }

        /** The id of the element with the reasons: {@code <form>-<field>-error}. */
        public String errorId() {
            return form + "-" + name + "-error";
        }

        /** The class the control gets: {@code is-invalid} when refused, else nothing. */
        public String css() {
            return invalid() ? "is-invalid" : null;
        }

        /** Whether there is anything to say next to the field: its reasons, or the files that were not sent. */
        public boolean told() {
            return invalid() || !notSent.isEmpty();
        }

        /** What the control's {@code aria-describedby} names: what is said next to it, else nothing. */
        public String describedBy() {
            return told() ? errorId() : null;
        }

        /** {@code aria-invalid}: "true" when refused, else no attribute. */
        public String ariaInvalid() {
            return invalid() ? "true" : null;
        }

        /** Whether an option of a list is the one that was chosen. */
        public boolean chose(Object option) {
            return value != null && option != null && value.equals(option instanceof Enum<?> e ? e.name()
                    : String.valueOf(option));
        }
    }
}
