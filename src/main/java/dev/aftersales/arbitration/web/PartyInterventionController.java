package dev.aftersales.arbitration.web;

import java.util.List;

import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.aftersales.arbitration.ArbitrationManagement;
import dev.aftersales.claims.EvidenceUpload;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.web.InputLimits;
import dev.aftersales.shared.web.Moves;

/**
 * The buyer and the seller answer the platform: evidence asked of them, and an appeal of its decision. Only the
 * claim's own parties may (the URL spaces keep agents out; the service refuses anyone else as "not found").
 */
@Controller
class PartyInterventionController {

    private final ArbitrationManagement arbitration;
    private final Moves pages;

    PartyInterventionController(ArbitrationManagement arbitration, Moves pages) {
        this.arbitration = arbitration;
        this.pages = pages;
    }

    @PostMapping({ "/buyer/claims/{id}/evidence-answer", "/seller/claims/{id}/evidence-answer" })
    String answer(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long version,
            @Size(max = InputLimits.TEXT) @RequestParam(defaultValue = "") String text,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
        pages.move(redirect, "arbitration.flash.evidenceAnswered",
                () -> arbitration.answerEvidence(id, me, version, text, Moves.uploads(files, EvidenceUpload::new)));
        return back(me, id);
    }

    @PostMapping({ "/buyer/claims/{id}/appeal", "/seller/claims/{id}/appeal" })
    String appeal(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long version,
            @Size(max = InputLimits.TEXT) @RequestParam(defaultValue = "") String statement,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
        pages.move(redirect, "arbitration.flash.appealed",
                () -> arbitration.appeal(id, me, version, statement, Moves.uploads(files, EvidenceUpload::new)));
        return back(me, id);
    }

    private static String back(CurrentUser me, long id) {
        return "redirect:/" + (me.role() == dev.aftersales.shared.Role.SELLER ? "seller" : "buyer") + "/claims/" + id;
    }
}
