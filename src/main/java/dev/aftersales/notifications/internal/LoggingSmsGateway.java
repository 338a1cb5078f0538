package dev.aftersales.notifications.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The local SMS gateway: writes the message to the log {@code dev.aftersales.notifications.sms} with the phone
 * number masked; the delivery row records it as sent.
 */
@Component
class LoggingSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger("dev.aftersales.notifications.sms");

    @Override
    public void send(String phone, String text) {
        log.info("SMS to {}: {}", mask(phone), text);
    }

    static String mask(String phone) {
        return phone.length() <= 4 ? "****" : "*".repeat(phone.length() - 4) + phone.substring(phone.length() - 4);
    }
}
