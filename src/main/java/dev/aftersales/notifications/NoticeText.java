package dev.aftersales.notifications;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Notice texts are stored as a message code and arguments and put into words in the reader's language when shown
 * or sent. An argument {@code #some.key} is itself a message (a status name, a rule) and is translated too; any other
 * argument is shown as it is (a literal starting with {@code #} is stored with a second {@code #}).
 */
final class NoticeText {

    private NoticeText() {
    }

    /** An argument that is translated: the message with this code. */
    static String message(String code) {
        return "#" + code;
    }

    /** An argument shown as it is. */
    static String literal(String value) {
        if (value == null) {
            return "";
        }
        return value.startsWith("#") ? "#" + value : value;
    }

    static String render(MessageSource messages, String code, List<String> args, Locale locale) {
        Object[] resolved = new Object[args.size()];
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("##")) {
                resolved[i] = arg.substring(1);
            } else if (arg.startsWith("#")) {
                String key = arg.substring(1);
                resolved[i] = new DefaultMessageSourceResolvable(new String[] { key }, null,
                        key.substring(key.lastIndexOf('.') + 1));
            } else {
                resolved[i] = arg;
            }
        }
        return messages.getMessage(code, resolved, code, locale);
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
