package dev.aftersales.claims.internal;

/** Why a file was attached. */
public enum EvidencePurpose {
    /** With the claim as filed. */
    CLAIM,
    /** With a message. */
    MESSAGE,
    /** With the seller's rejection. */
    REJECTION,
    /** With the seller's inspection of a returned parcel. */
    INSPECTION,
    /** Answering a platform agent's evidence request. */
    EVIDENCE_ANSWER,
    /** With an appeal against an agent's decision. */
    APPEAL
}
