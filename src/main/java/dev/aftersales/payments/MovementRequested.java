package dev.aftersales.payments;

/** A movement was recorded and is to be executed once its transaction commits (internal to payments). */
public record MovementRequested(long movementId) {
}
