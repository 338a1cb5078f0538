package dev.aftersales.claims;

/** Who wrote a timeline entry, a message or an evidence file. */
public enum ActorRole {
    BUYER, SELLER, AGENT, SYSTEM, CARRIER
}
