package dev.aftersales.shared.web;

/**
 * The one rule for text that comes in from outside (every form field and every string of the integration API):
 * characters that are never part of what a person writes are removed. PostgreSQL refuses NUL in text, other control
 * characters garble pages and logs, and direction overrides can make a text read differently from what it is.
 * <ul>
 * <li>removed everywhere: NUL and the other C0 controls except tab, line feed and carriage return; DEL; the C1
 * controls (U+0080–U+009F); bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069);
 * unpaired surrogates;</li>
 * <li>also removed from file names ({@link #fileName}): tabs and line breaks, the left-to-right and right-to-left
 * marks (U+200E, U+200F) and every other invisible format character (Unicode category Cf), path separators and
 * quotes.</li>
 * </ul>
 */
public final class InputText {

    private InputText() {
    }

    /** The text without the characters the desk never keeps; {@code null} stays {@code null}. */
    public static String clean(String text) {
        if (text == null || !needsCleaning(text, false)) {
            return text;
        }
        return strip(text, false);
    }

    /**
     * A file name as the desk stores and sends it: the last path segment only, without control, format and
     * direction characters, quotes or angle brackets, trimmed. May be empty.
     */
    public static String fileName(String name) {
        if (name == null) {
            return "";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        return strip(base, true).strip();
    }

    /** Whether {@link #clean} would change the text. */
    public static boolean needsCleaning(String text, boolean fileName) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (removed(text, i, c, fileName)) {
                return true;
            }
        }
        return false;
    }

    private static String strip(String text, boolean fileName) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!removed(text, i, c, fileName)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean removed(String text, int i, char c, boolean fileName) {
        if (c < 0x20) {
            return fileName || (c != '\t' && c != '\n' && c != '\r');
        }
        if (c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
            return true;
        }
        if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        if (fileName) {
            return Character.getType(c) == Character.FORMAT || c == '"' || c == '<' || c == '>' || c == '/'
                    || c == '\\' || c == ';';
        }
        return false;
    }
}
