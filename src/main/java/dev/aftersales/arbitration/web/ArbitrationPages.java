package dev.aftersales.arbitration.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.aftersales.arbitration.ArbitrationRefused;
import dev.aftersales.claims.ClaimChanged;
import dev.aftersales.claims.ClaimNotAllowed;
import dev.aftersales.claims.EvidenceUpload;
import dev.aftersales.claims.InvalidEvidence;
import dev.aftersales.claims.TransitionRejected;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.web.Formats;
import dev.aftersales.shared.web.FormRefusal;

/** What the arbitration controllers share: a move and its refusal as a message, uploads, amounts. */
@Component
class ArbitrationPages {

    private final Formats formats;

    ArbitrationPages(Formats formats) {
        this.formats = formats;
    }

    /** A refusal as a message key and its arguments (formatted for the reader), or null when it is not one. */
    Refusal refusal(RuntimeException e) {
        if (e instanceof ArbitrationRefused r) {
            return new Refusal(r.messageKey(), args(r.args()));
        }
        if (e instanceof TransitionRejected r) {
            return new Refusal(r.messageKey(), args(r.args()));
        }
        if (e instanceof ClaimNotAllowed r) {
            return new Refusal(r.messageKey(), args(r.args()));
        }
        if (e instanceof InvalidEvidence r) {
            InvalidEvidence.Problem p = r.problems().get(0);
            return new Refusal(p.messageKey(), args(p.args()));
        }
        if (e instanceof ClaimChanged || e instanceof ObjectOptimisticLockingFailureException) {
            return new Refusal("claim.flash.stale", new Object[0]);
        }
        return null;
    }

    record Refusal(String key, Object[] args) {
    }

    /**
     * Runs a move; a refusal comes back to the page next to the field it concerns (above the page when it concerns
     * none), with what was typed.
     */
    boolean move(RedirectAttributes redirect, String successKey, Runnable move) {
        try {
            move.run();
            redirect.addFlashAttribute("flashSuccess", successKey);
            redirect.addFlashAttribute("flashSuccessArgs", new Object[0]);
            return true;
        } catch (RuntimeException e) {
            if (e instanceof InvalidEvidence r) {
                FormRefusal.refuse("files", r.problems().stream()
                        .map(p -> new FormRefusal.Message(p.messageKey(), args(p.args()))).toList());
                return false;
            }
            Refusal refusal = refusal(e);
            if (refusal == null) {
                throw e;
            }
            FormRefusal.refuse(e instanceof ClaimNotAllowed r ? r.field() : null, refusal.key(), refusal.args());
            return false;
        }
    }

    /** Times, durations, amounts and weights in a message's arguments, formatted for the reader. */
    Object[] args(Object... args) {
        return formats.args(args);
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

    /** A decimal amount in yuan ("12.50"), or null when blank or not an amount the desk accepts. */
    static Money amount(String text) {
        return dev.aftersales.shared.web.Amounts.parse(text);
    }
}
