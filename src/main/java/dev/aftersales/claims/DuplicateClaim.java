package dev.aftersales.claims;

import dev.aftersales.shared.Refusal;

/** A claim of this type is already open on one of these lines: the page links to it. */
public class DuplicateClaim extends RuntimeException implements Refusal {

    private final long claimId;
    private final String claimNumber;

    public DuplicateClaim(long claimId, String claimNumber) {
        super("Claim " + claimNumber + " is already open on this line");
        this.claimId = claimId;
        this.claimNumber = claimNumber;
    }

    public long claimId() {
        return claimId;
    }

    public String claimNumber() {
        return claimNumber;
    }

    @Override
    public String messageKey() {
        return "claim.form.error.duplicate";
    }

    @Override
    public Object[] args() {
        return new Object[] { claimNumber };
    }

    /** The filing rule that refused: one open claim of a type per order line. */
    public String rule() {
        return FilingPolicy.ONE_OPEN_CLAIM_PER_LINE;
    }
}
