package dev.aftersales.claims;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What a system-opened case grants the buyer on top of any refund (docs/system-cases.md): the compensation the
 * policy set when the case opened (late shipment, out of stock, oversold) and, for DELISTED, the substitute offered.
 *
 * @param compensationMinor the compensation in fen, {@code null} when none
 * @param substituteSku     the SKU offered instead of the delisted one
 */
@Embeddable
public record SystemOffer(
        @Column(name = "compensation_minor") Long compensationMinor,
        @Column(name = "substitute_sku", length = 64) String substituteSku) {

    static final SystemOffer NONE = new SystemOffer(null, null);
}
