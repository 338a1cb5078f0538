package dev.aftersales.claims;

import java.util.List;

import dev.aftersales.shared.Refusal;

/** Some uploaded files were refused; nothing of the form was saved. Each problem names the file and why. */
public class InvalidEvidence extends RuntimeException implements Refusal {

    private final List<Problem> problems;

    public InvalidEvidence(List<Problem> problems) {
        super("Refused evidence: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The first problem's reason (each problem is one message; see {@link #problems()}). */
    @Override
    public String messageKey() {
        return problems.get(0).messageKey();
    }

    @Override
    public Object[] args() {
        return problems.get(0).args();
    }

    /** The file field of the forms and the API that take evidence. */
    @Override
    public String field() {
        return "files";
    }

    @Override
    public List<Problem> reasons() {
        return problems;
    }

    /**
     * @param fileName   the file's name as uploaded ("" for problems about the set of files)
     * @param messageKey why ({@code claim.evidence.error.*})
     * @param args       the message's arguments
     */
    public record Problem(String fileName, String messageKey, Object... args) implements Refusal {
    }
}
