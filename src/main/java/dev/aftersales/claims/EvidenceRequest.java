package dev.aftersales.claims;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * What a platform agent asked for and of whom, kept while and after the claim waited for the answer; the claim's party
 * to act says who still owes it.
 */
@Embeddable
public record EvidenceRequest(
        @Column(name = "evidence_request", length = 2000) String what,
        @Enumerated(EnumType.STRING) @Column(name = "evidence_requested_of", length = 16) Party of) {

    static final EvidenceRequest NONE = new EvidenceRequest(null, null);
}
