package dev.aftersales.webhooks.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a delivery: {@code v1=} and the hex HMAC-SHA256, keyed with the endpoint's secret, of the
 * timestamp (epoch seconds), a dot and the body exactly as sent. Receivers compute the same and compare in constant
 * time (docs/webhooks.md#checking-a-delivery).
 */
public final class WebhookSignature {

    public static final String DELIVERY_HEADER = "Aftersales-Delivery";
    public static final String EVENT_HEADER = "Aftersales-Event";
    public static final String TIMESTAMP_HEADER = "Aftersales-Timestamp";
    public static final String SIGNATURE_HEADER = "Aftersales-Signature";

    private WebhookSignature() {
    }

    /** {@code v1=<hex>} for this secret, timestamp and body. */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether the signature header is the one this secret gives for the timestamp and body, and the timestamp is no
     * further than {@code toleranceSeconds} from {@code nowSeconds} (older ones are replays).
     */
    public static boolean verify(String secret, String timestampHeader, String body, String signatureHeader,
            long nowSeconds, long toleranceSeconds) {
        if (secret == null || timestampHeader == null || signatureHeader == null || body == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signatureHeader.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
