package dev.aftersales.claims;

import java.util.List;

/** Some uploaded files were refused; nothing of the form was saved. Each problem names the file and why. */
public class InvalidEvidence extends RuntimeException {

    private final List<Problem> problems;

    public InvalidEvidence(List<Problem> problems) {
        super("Refused evidence: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * @param fileName   the file's name as uploaded ("" for problems about the set of files)
     * @param messageKey why ({@code claim.evidence.error.*})
     * @param args       the message's arguments
     */
    public record Problem(String fileName, String messageKey, Object... args) {
    }
}
