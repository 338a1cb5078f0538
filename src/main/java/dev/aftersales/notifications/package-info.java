/**
 * Notifications: the in-site inbox of every signed-in user (站内信), email over SMTP and text messages behind the
 * {@link dev.aftersales.notifications.internal.SmsGateway} port. Fed by other modules' events through the event
 * publication registry (the transactional outbox): one inbox item per (event, recipient), each email and text message
 * sent after the item is committed, retried with backoff while it fails, and never sent twice once sent. A sweep
 * reminds the party whose move it is 12 hours before a claim's due time.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "shared :: *", "identity",
        "ordering", "payments", "claims", "arbitration" })
package dev.aftersales.notifications;
