package dev.aftersales.claims.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.NotFound;

/**
 * Evidence files, served only to those who may see the claim (its buyer, the shop's sellers, agents). Images may
 * be shown inline; everything else is an attachment. The type is the one recognised from the bytes at upload.
 */
@Controller
class EvidenceController {

    private final ClaimManagement claims;

    EvidenceController(ClaimManagement claims) {
        this.claims = claims;
    }

    @GetMapping({ "/buyer/evidence/{id}", "/seller/evidence/{id}", "/agent/evidence/{id}" })
    ResponseEntity<byte[]> download(CurrentUser me, @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean inline) {
        if (me == null) {
            throw new NotFound("Evidence", id);
        }
        var file = claims.download(id, me);
        MediaType type;
        try {
            type = MediaType.parseMediaType(file.contentType());
        } catch (RuntimeException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        boolean image = "image".equals(type.getType()) && !type.getSubtype().contains("svg");
        if (!image) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        ContentDisposition disposition = (inline && image ? ContentDisposition.inline()
                : ContentDisposition.attachment()).filename(safeName(file.fileName()), StandardCharsets.UTF_8)
                .build();
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff").header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("Content-Security-Policy", "default-src 'none'; sandbox").body(file.bytes());
    }

    /**
     * The uploaded name without paths, control, direction or format characters, or quotes (names stored before
     * uploads were cleaned may still hold them).
     */
    static String safeName(String name) {
        String base = dev.aftersales.shared.web.InputText.fileName(name);
        return base.isEmpty() ? "evidence" : base;
    }
}
