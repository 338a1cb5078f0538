package dev.aftersales.notifications.internal;

/**
 * Sends a text message to a phone. The boundary to an SMS provider the desk does not own; this installation has
 * {@link LoggingSmsGateway}. An implementation throws when the provider refuses or cannot be reached, and the
 * delivery is retried.
 */
public interface SmsGateway {

    void send(String phone, String text);
}
