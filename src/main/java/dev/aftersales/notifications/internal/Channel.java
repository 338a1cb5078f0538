package dev.aftersales.notifications.internal;

/** How an inbox item also reaches its recipient outside the desk. */
enum Channel {
    EMAIL, SMS
}
