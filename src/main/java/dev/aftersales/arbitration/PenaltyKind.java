package dev.aftersales.arbitration;

/** A seller penalty recorded with a decision. */
public enum PenaltyKind {
    WARNING, POINTS, DEPOSIT_DEDUCTION
}
