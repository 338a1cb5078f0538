package dev.aftersales.shipping;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The carriers the desk knows, with the shape of their tracking numbers. A number that does not fit its carrier's
 * shape is refused before it is recorded: most fake tracking numbers fail here.
 */
public enum Carrier {
    /** SF Express: "SF" and 13 digits. */
    SF("SF\\d{13}", "SF1234567890123"),
    /** YTO Express: "YT" and 13 digits. */
    YTO("YT\\d{13}", "YT1234567890123"),
    /** ZTO Express: 12 digits, or 14 digits starting with 7. */
    ZTO("\\d{12}|7\\d{13}", "731234567890123"),
    /** STO Express: 13 digits starting with 77 or 88. */
    STO("(77|88)\\d{11}", "7712345678901"),
    /** Yunda: 13 digits starting with 31, 43 or 46. */
    YUNDA("(31|43|46)\\d{11}", "4312345678901"),
    /** JD Logistics: "JD" and 13 letters or digits. */
    JD("JD[A-Z0-9]{13}", "JDVA12345678901"),
    /** China Post EMS: an international S10 number ending in CN, or 13 digits starting with 1. */
    EMS("E[A-Z]\\d{9}CN|1\\d{12}", "EA123456789CN"),
    /** J&T Express: "JT" and 13 digits. */
    JT("JT\\d{13}", "JT1234567890123");

    private final Pattern format;
    private final String example;

    Carrier(String format, String example) {
        this.format = Pattern.compile(format);
        this.example = example;
    }

    /** Upper case, without spaces or dashes, as carriers print it. */
    public static String normalize(String trackingNumber) {
        return trackingNumber == null ? "" : trackingNumber.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    public boolean accepts(String trackingNumber) {
        return format.matcher(normalize(trackingNumber)).matches();
    }

    /** A number of the right shape, shown next to the field. */
    public String example() {
        return example;
    }
}
