package dev.aftersales.claims.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.aftersales.claims.EvidenceUpload;
import dev.aftersales.shared.Refusal;
import dev.aftersales.shared.web.Moves;
import dev.aftersales.shipping.InvalidTrackingNumber;
import dev.aftersales.shipping.OrderNotAwaitingShipment;

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
        return moves.move(redirect, successKey, move, ClaimPages::parcel);
    }

    /**
     * A parcel refused by shipping (a return's or a reshipment's tracking number) where the claim pages say it their
     * own way: a number of another format with the carrier's example only, an order that takes no parcel as a move
     * the claim does not allow now. A number already in use is shipping's own refusal, at the number.
     */
    private static Refusal parcel(RuntimeException e) {
        if (e instanceof InvalidTrackingNumber r) {
            return Refusal.of("trackingNumber", "watchers.supply.error.format", r.carrier().example());
        }
        if (e instanceof OrderNotAwaitingShipment) {
            return Refusal.of(null, "claim.rejected.state");
        }
        return null;
    }
}
