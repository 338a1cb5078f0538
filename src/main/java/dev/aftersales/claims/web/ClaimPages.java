package dev.aftersales.claims.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.aftersales.claims.ClaimChanged;
import dev.aftersales.claims.ClaimNotAllowed;
import dev.aftersales.claims.EvidenceUpload;
import dev.aftersales.claims.InvalidEvidence;
import dev.aftersales.claims.TransitionRejected;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.web.Formats;
import dev.aftersales.shared.web.FormRefusal;
import dev.aftersales.shipping.InvalidTrackingNumber;
import dev.aftersales.shipping.OrderNotAwaitingShipment;
import dev.aftersales.shipping.TrackingNumberInUse;

/** What the claim controllers share: uploads as evidence, message arguments as the reader sees them, flashes, refusals. */
@Component
class ClaimPages {

    private final Formats formats;

    ClaimPages(Formats formats) {
        this.formats = formats;
    }

    static List<EvidenceUpload> uploads(List<MultipartFile> files) {
        List<EvidenceUpload> uploads = new ArrayList<>();
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
                uploads.add(new EvidenceUpload(file.getOriginalFilename(), file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uploads;
    }

    /** Times, durations, amounts and weights in a message's arguments, formatted for the reader. */
    Object[] args(Object... args) {
        return formats.args(args);
    }

    void evidenceErrors(BindingResult errors, String field, InvalidEvidence e) {
        for (InvalidEvidence.Problem p : e.problems()) {
            errors.rejectValue(field, p.messageKey(), args(p.args()), p.messageKey());
        }
    }

    void notAllowed(BindingResult errors, ClaimNotAllowed e, List<String> fields) {
        if (e.field() != null && fields.contains(e.field())) {
            errors.rejectValue(e.field(), e.messageKey(), args(e.args()), e.messageKey());
        } else {
            errors.reject(e.messageKey(), args(e.args()), e.messageKey());
        }
    }

    void success(RedirectAttributes redirect, String key, Object... args) {
        redirect.addFlashAttribute("flashSuccess", key);
        redirect.addFlashAttribute("flashSuccessArgs", args(args));
    }

    /** A refusal of a move that has no field to type into (a button): above the page. */
    void failure(RedirectAttributes redirect, String key, Object... args) {
        redirect.addFlashAttribute("flashError", key);
        redirect.addFlashAttribute("flashErrorArgs", args(args));
    }

    /**
     * Refuses the form just sent: the page comes back with what was typed, the reason next to {@code field} (or
     * the field its message concerns), above the page when it concerns no field of the form.
     */
    void refuse(String field, String key, Object... args) {
        FormRefusal.refuse(field, key, args(args));
    }

    /**
     * Runs a move from the detail page; a refusal comes back to the page next to the field it concerns, with what
     * was typed.
     *
     * @return whether the move was made
     */
    boolean move(RedirectAttributes redirect, String successKey, Runnable move) {
        try {
            move.run();
            success(redirect, successKey);
            return true;
        } catch (TransitionRejected e) {
            refuse(null, e.messageKey(), e.args());
        } catch (ClaimNotAllowed e) {
            refuse(e.field(), e.messageKey(), e.args());
        } catch (InvalidEvidence e) {
            FormRefusal.refuse("files", e.problems().stream()
                    .map(p -> new FormRefusal.Message(p.messageKey(), args(p.args()))).toList());
        } catch (InvalidTrackingNumber e) {
            refuse("trackingNumber", "watchers.supply.error.format", e.carrier().example());
        } catch (TrackingNumberInUse e) {
            refuse("trackingNumber", "shipping.error.inUse");
        } catch (OrderNotAwaitingShipment e) {
            refuse(null, "claim.rejected.state");
        } catch (ClaimChanged | ObjectOptimisticLockingFailureException e) {
            refuse(null, "claim.flash.stale");
        }
        return false;
    }

    /** A decimal amount ("12.50") in yuan, or null when blank or not an amount the desk accepts. */
    static Money amount(String text) {
        return dev.aftersales.shared.web.Amounts.parse(text);
    }
}
