/**
 * Payments: the ledger of money the desk moves to buyers (refunds, capped by what was paid for the order, and
 * compensations on top), each executed exactly once through the payment provider port. A refund is recorded as
 * pending in the caller's transaction, executed right after commit, and retried by a sweep until the provider
 * confirms it; the provider receives the same idempotency key each time, so nobody is paid twice.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "shared :: *", "ordering" })
package dev.aftersales.payments;
