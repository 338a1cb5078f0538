package dev.aftersales.claims;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * The appeal of a first ruling (docs/arbitration.md#appeals): until when a party may appeal, who did, with what
 * statement, and which parties have used their one appeal.
 */
@Embeddable
public record Appeal(
        @Column(name = "appeal_until") Instant until,
        @Enumerated(EnumType.STRING) @Column(name = "appealed_by", length = 16) Party by,
        @Column(name = "appeal_statement", length = 2000) String statement,
        @Column(name = "buyer_appealed", nullable = false) boolean buyerAppealed,
        @Column(name = "seller_appealed", nullable = false) boolean sellerAppealed) {

    static final Appeal NONE = new Appeal(null, null, null, false, false);

    /** The window for an appeal opens (or, {@code null}, closes). */
    Appeal openUntil(Instant until) {
        return new Appeal(until, by, statement, buyerAppealed, sellerAppealed);
    }

    /** {@code party} appeals with {@code statement}: the window closes and the party's one appeal is used. */
    Appeal filedBy(Party party, String statement) {
        return new Appeal(until, party, statement, buyerAppealed || party == Party.BUYER,
                sellerAppealed || party == Party.SELLER);
    }

    /** Whether {@code party} has used its appeal. */
    boolean usedBy(Party party) {
        return party == Party.BUYER ? buyerAppealed : sellerAppealed;
    }
}
