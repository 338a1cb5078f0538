package dev.aftersales.claims;

/** Whose move it is on an open claim. */
public enum Party {
    BUYER, SELLER, AGENT,
    /** Both the buyer and the seller (an agent asked both for evidence): each answers. */
    BOTH,
    /** The carrier must deliver a parcel (a return or a reshipment). */
    CARRIER,
    /** The desk itself (a refund being paid out). */
    SYSTEM,
    /** Nobody: the claim has ended. */
    NONE
}
