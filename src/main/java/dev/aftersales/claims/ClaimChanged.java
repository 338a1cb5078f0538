package dev.aftersales.claims;

/** The claim changed since the page was drawn (another tab, the other party, a deadline): nothing was done. */
public class ClaimChanged extends RuntimeException {

    public ClaimChanged() {
        super("The claim changed meanwhile");
    }
}
