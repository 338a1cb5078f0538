package dev.aftersales.claims.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.tika.Tika;

import dev.aftersales.claims.InvalidEvidence;
import dev.aftersales.claims.EvidenceUpload;
import dev.aftersales.shared.web.InputText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Keeps evidence files in PostgreSQL. A file is accepted when its content is a JPEG, PNG, WebP or GIF image, a PDF
 * or an MP4 (or QuickTime) video (whatever its name or declared type says), within the size limit of its kind; a form carries at
 * most the configured number of files. SVG, HTML and everything else are refused, and so are empty files and file
 * names longer than the configured length. Names are kept without control, direction or format characters.
 */
@Component
public class EvidenceStore {

    public static final Set<String> ACCEPTED = Set.of("image/jpeg", "image/png", "image/webp", "image/gif",
            "application/pdf", "video/mp4", "video/quicktime");

    /** Videos: an MP4, or the QuickTime container phones record in (Tika names MP4s of some brands so too). */
    public static final Set<String> VIDEOS = Set.of("video/mp4", "video/quicktime");

    private final EvidenceRepository files;
    private final JdbcTemplate jdbc;
    private final EvidenceSettings settings;
    private final Clock clock;
    private final Tika tika = new Tika();

    public EvidenceStore(EvidenceRepository files, JdbcTemplate jdbc, EvidenceSettings settings, Clock clock) {
        this.files = files;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** Checks every file; throws {@link InvalidEvidence} naming each refused one. */
    public List<Checked> check(List<EvidenceUpload> uploads) {
        // a file input left empty arrives as a part without a name and without bytes: not a file
        List<EvidenceUpload> present = uploads == null ? List.of()
                : uploads.stream().filter(u -> !u.isEmpty() || (u.originalName() != null
                        && !u.originalName().isBlank())).toList();
        List<InvalidEvidence.Problem> problems = new ArrayList<>();
        if (present.size() > settings.maxFiles()) {
            problems.add(new InvalidEvidence.Problem("", "claim.evidence.error.tooMany", settings.maxFiles()));
        }
        List<Checked> checked = new ArrayList<>();
        for (EvidenceUpload upload : present) {
            if (upload.originalName() != null && upload.originalName().length() > settings.maxNameLength()) {
                problems.add(new InvalidEvidence.Problem("", "claim.evidence.error.name", settings.maxNameLength()));
                continue;
            }
            String name = safeName(upload.originalName());
            if (upload.isEmpty()) {
                problems.add(new InvalidEvidence.Problem(name, "claim.evidence.error.empty", name));
                continue;
            }
            String type = tika.detect(upload.bytes());
            long limit = (VIDEOS.contains(type) ? settings.maxVideoSize() : settings.maxFileSize()).toBytes();
            if (upload.bytes().length > limit) {
                problems.add(new InvalidEvidence.Problem(name, "claim.evidence.error.tooLarge", name,
                        DataSize.ofBytes(limit).toMegabytes()));
                continue;
            }
            if (!ACCEPTED.contains(type)) {
                problems.add(new InvalidEvidence.Problem(name, "claim.evidence.error.type", name));
                continue;
            }
            checked.add(new Checked(name, type, upload.bytes()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidEvidence(problems);
        }
        return checked;
    }

    /** Stores checked files for a claim (in the caller's transaction). */
    public List<EvidenceFile> store(long claimId, Long messageId, EvidencePurpose purpose, Actor uploader,
            List<Checked> checked) {
        List<EvidenceFile> stored = new ArrayList<>();
        for (Checked file : checked) {
            EvidenceFile saved = files.saveAndFlush(new EvidenceFile(claimId, messageId, purpose, uploader,
                    file.name(), file.contentType(), file.bytes().length, sha256(file.bytes()), clock.instant()));
            jdbc.update("insert into claim_evidence_content (evidence_id, data) values (?, ?)", saved.id(),
                    file.bytes());
            stored.add(saved);
        }
        return stored;
    }

    public Optional<EvidenceFile> file(long id) {
        return files.findById(id);
    }

    public byte[] content(long evidenceId) {
        return jdbc.queryForObject("select data from claim_evidence_content where evidence_id = ?", byte[].class,
                evidenceId);
    }

    public List<EvidenceFile> ofClaim(long claimId) {
        return files.findByClaimIdOrderByUploadedAtAscIdAsc(claimId);
    }

    /**
     * Only the last path segment, without control, direction and format characters (see
     * {@link InputText#fileName}), at most 100 characters (the end, which keeps the extension).
     */
    public static String safeName(String original) {
        String name = InputText.fileName(original);
        if (name.isEmpty()) {
            name = "file";
        }
        return name.length() > 100 ? name.substring(name.length() - 100) : name;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file that passed the checks. */
    public record Checked(String name, String contentType, byte[] bytes) {

        @Override
        public String toString() {
            return name + " (" + contentType + ", " + bytes.length + " bytes)";
        }
    }
}
