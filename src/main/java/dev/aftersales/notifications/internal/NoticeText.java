package dev.aftersales.notifications.internal;

import java.util.List;
import java.util.Locale;

import dev.aftersales.shared.MessageArgs;
import dev.aftersales.shared.web.Formats;

/**
 * Notice texts are stored as a message code and arguments (encoded by {@link MessageArgs}) and put into words in the
 * reader's language when shown or sent, through the desk's one formatter: a time becomes "2026-12-09 10:00 (in 2
 * days)" in the display zone, a status name or a rule is translated, any other argument is shown as it is.
 */
final class NoticeText {

    private NoticeText() {
    }

    /** An argument that is translated: the message with this code. */
    static String message(String code) {
        return MessageArgs.message(code);
    }

    /** An argument shown as it is. */
    static String literal(String value) {
        return MessageArgs.literal(value);
    }

    static String render(Formats formats, String code, List<String> args, Locale locale) {
        Object[] decoded = args.stream().map(MessageArgs::decode).toArray();
        return formats.message(locale, code, decoded);
    }

    /**
     * The language a recipient's email and text messages are written in: the one stored on the account (see
     * {@link LanguagePreference}), else Simplified Chinese.
     */
    static Locale languageOf(String preferredLanguage) {
        if (preferredLanguage != null && preferredLanguage.toLowerCase(Locale.ROOT).startsWith("en")) {
            return Locale.ENGLISH;
        }
        return Locale.SIMPLIFIED_CHINESE;
    }
}
