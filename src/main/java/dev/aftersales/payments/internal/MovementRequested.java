package dev.aftersales.payments.internal;

/** A movement was recorded and is to be executed once its transaction commits (payments only: other modules hear of money through its public events). */
public record MovementRequested(long movementId) {
}
