package dev.aftersales.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.aftersales.shared.Refusal;

/**
 * What every page controller does with a move: call it; when it is made, flash what was done and redirect; when it is
 * refused, put the reason next to the field it concerns (or above the page) and show the page again with what was
 * typed. Message arguments (times, durations, amounts, weights) are formatted for the reader here, once.
 */
@Component
public class Moves {

    /** A versioned record changed since the page was drawn: the page comes back as it is now. */
    static final String STALE = "claim.flash.stale";

    private final Formats formats;

    public Moves(Formats formats) {
        this.formats = formats;
    }

    /**
     * Runs a move sent from a page form; a {@link Refusal} comes back to the page next to the field it concerns,
     * with what was typed (see {@link FormRefusal}). Any other exception goes on.
     *
     * @return whether the move was made
     */
    public boolean move(RedirectAttributes redirect, String successKey, Runnable move) {
        return move(redirect, successKey, move, e -> null);
    }

    /**
     * As {@link #move(RedirectAttributes, String, Runnable)}, with the page's own words where it says a refusal of
     * another module its own way, or puts another exception in words ({@code also} answers null where the
     * refusal's own words stand, and for what is no refusal at all).
     */
    public boolean move(RedirectAttributes redirect, String successKey, Runnable move,
            Function<RuntimeException, Refusal> also) {
        try {
            move.run();
            success(redirect, successKey);
            return true;
        } catch (RuntimeException e) {
            Refusal refusal = refusal(e, also);
            if (refusal == null) {
                throw e;
            }
            refuse(refusal);
            return false;
        }
    }

    /** The exception as a refusal the page can show, or null when it is none. */
    static Refusal refusal(RuntimeException e, Function<RuntimeException, Refusal> also) {
        Refusal pages = also.apply(e);
        if (pages != null) {
            return pages;
        }
        if (e instanceof Refusal r) {
            return r;
        }
        if (e instanceof ObjectOptimisticLockingFailureException) {
            return Refusal.of(null, STALE);
        }
        return null;
    }

    /** The exception as a refusal the page can show, or null when it is none. */
    public static Refusal refusal(RuntimeException e) {
        return refusal(e, x -> null);
    }

    /** Flashes what was done, for the page the controller redirects to. */
    public void success(RedirectAttributes redirect, String key, Object... args) {
        redirect.addFlashAttribute("flashSuccess", key);
        redirect.addFlashAttribute("flashSuccessArgs", args(args));
    }

    /** A refusal of a move that has no field to type into (a button): above the page it redirects to. */
    public void failure(RedirectAttributes redirect, String key, Object... args) {
        redirect.addFlashAttribute("flashError", key);
        redirect.addFlashAttribute("flashErrorArgs", args(args));
    }

    /**
     * Refuses the form just sent: the page comes back with what was typed, the reason next to {@code field} (or the
     * field its message concerns), above the page when it concerns no field of the form.
     */
    public void refuse(String field, String key, Object... args) {
        FormRefusal.refuse(field, key, args(args));
    }

    /** Refuses the form just sent with every reason of the refusal, next to the field it names. */
    public void refuse(Refusal refusal) {
        FormRefusal.refuse(refusal.field(), refusal.reasons().stream()
                .map(r -> new FormRefusal.Message(r.messageKey(), args(r.args()))).toList());
    }

    /**
     * Puts a refusal into the form the page shows again (without a redirect): each reason next to its field when the
     * form has that field ({@code fields}, null for any), else next to {@code field} when given, else above the form.
     */
    public void reject(Errors errors, Refusal refusal, String field, List<String> fields) {
        for (Refusal r : refusal.reasons()) {
            String at = r.field() != null && (fields == null || fields.contains(r.field())) ? r.field() : field;
            if (at != null) {
                errors.rejectValue(at, r.messageKey(), args(r.args()), r.messageKey());
            } else {
                errors.reject(r.messageKey(), args(r.args()), r.messageKey());
            }
        }
    }

    /** As {@link #reject(Errors, Refusal, String, List)}: each reason at the field it names, or above the form. */
    public void reject(Errors errors, Refusal refusal) {
        reject(errors, refusal, null, null);
    }

    /**
     * A form the page shows again itself (without a redirect) as the fragments that draw fields from a
     * {@link FormRefusal} read it: what was typed, and each reason its binding holds for a field, in the words the
     * binding's codes name. Reasons for the whole form stay the binding's.
     */
    public FormRefusal shownAgain(Errors errors) {
        Map<String, List<FormRefusal.Message>> reasons = new LinkedHashMap<>();
        for (FieldError error : errors.getFieldErrors()) {
            reasons.computeIfAbsent(error.getField(), f -> new ArrayList<>())
                    .add(new FormRefusal.Message(formats.code(error), args(error.getArguments())));
        }
        return FormRefusal.shownAgain(reasons);
    }

    /** Times, durations, amounts and weights in a message's arguments, formatted for the reader. */
    public Object[] args(Object... args) {
        return formats.args(args);
    }

    /**
     * The files of a file field, each as the module takes it; an input left empty is no file, a named empty file is
     * one (its module refuses it).
     */
    public static <T> List<T> uploads(List<MultipartFile> files, BiFunction<String, byte[], T> upload) {
        List<T> uploads = new ArrayList<>();
        if (files == null) {
            return uploads;
        }
        for (MultipartFile file : files) {
            // an empty input sends a part without a name; a named empty file is refused by the evidence checks
            if (file == null || file.isEmpty() && (file.getOriginalFilename() == null
                    || file.getOriginalFilename().isBlank())) {
                continue;
            }
            try {
                uploads.add(upload.apply(file.getOriginalFilename(), file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uploads;
    }
}
