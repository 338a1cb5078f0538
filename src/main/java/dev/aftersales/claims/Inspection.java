package dev.aftersales.claims;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * What the seller found in the returned parcel, {@link #NONE} before the return was confirmed.
 *
 * @param result what was found
 * @param note   the seller's description (required when not as sold)
 */
@Embeddable
public record Inspection(
        @Enumerated(EnumType.STRING) @Column(name = "inspection_result", length = 32) InspectionResult result,
        @Column(name = "inspection_note", length = 2000) String note) {

    static final Inspection NONE = new Inspection(null, null);

    /** The seller found the goods not as sold (the refund they offer is then a proposal the buyer answers). */
    boolean foundFault() {
        return result != null && result != InspectionResult.AS_SOLD;
    }
}
