package dev.aftersales.claims.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.aftersales.claims.EvidenceUpload;
import dev.aftersales.claims.internal.ParcelRefusals;
import dev.aftersales.shared.web.Moves;

/** The claim pages' moves: as every page's ({@link Moves}), with the claim pages' words for refused parcels. */
@Component
class ClaimPages {

    private final Moves moves;

    ClaimPages(Moves moves) {
        this.moves = moves;
    }

    static List<EvidenceUpload> uploads(List<MultipartFile> files) {
        return Moves.uploads(files, EvidenceUpload::new);
    }

    /**
     * Runs a move from a claim page; a refusal comes back to the page next to the field it concerns, with what was
     * typed.
     *
     * @return whether the move was made
     */
    boolean move(RedirectAttributes redirect, String successKey, Runnable move) {
        return moves.move(redirect, successKey, move, ParcelRefusals::asClaimMove);
    }
}
