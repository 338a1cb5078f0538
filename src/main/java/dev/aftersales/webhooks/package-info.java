/**
 * Webhooks (docs/webhooks.md): shops register HTTPS endpoints for their own events, the platform's integrations for
 * every shop's; each event is written as one signed delivery per matching active endpoint, from the other modules'
 * events through the event publication registry, and a sweep posts the due deliveries (at least once, in order per
 * claim, retried with backoff for a day). Endpoints are disabled, never deleted; deliveries keep their last answer.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "shared :: *", "identity", "ordering",
        "payments", "claims", "arbitration" })
package dev.aftersales.webhooks;
