package dev.aftersales.claims;

import dev.aftersales.shared.Refusal;

/** The claim changed since the page was drawn (another tab, the other party, a deadline): nothing was done. */
public class ClaimChanged extends RuntimeException implements Refusal {

    public ClaimChanged() {
        super("The claim changed meanwhile");
    }

    /** The page shows the claim as it is now, and says so. */
    @Override
    public String messageKey() {
        return "claim.flash.stale";
    }
}
