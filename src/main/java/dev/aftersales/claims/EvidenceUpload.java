package dev.aftersales.claims;

/**
 * A file as it arrived in a form: the name the browser gave and the bytes. Its declared type is ignored; the type
 * is recognised from the bytes.
 */
public record EvidenceUpload(String originalName, byte[] bytes) {

    public boolean isEmpty() {
        return bytes == null || bytes.length == 0;
    }
}
