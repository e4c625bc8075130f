package io.gatekey.adapter.http;

import io.gatekey.domain.signature.SignatureAlgorithm;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/**
 * What the doors' signature self-tests share: one known request per dialect, checked when the server's context
 * starts, before it serves (each door's {@code KnownAnswer}). The expected values were computed apart from this
 * code, and tests hold them to the providers' own SDK signers or to independent signers written from their
 * documents. A build that changed how a dialect canonicalizes would refuse every real client: it stops instead,
 * with one line naming the dialect.
 */
public final class SignatureKnownAnswers {

    /** The known requests' secret key and access key id. */
    public static final byte[] SECRET = "gatekey-known-answer-secret".getBytes(StandardCharsets.UTF_8);
    public static final String ACCESS_KEY = "GKAKABCDEFGHIJKLMNOP";

    private SignatureKnownAnswers() {
    }

    public static String base64(SignatureAlgorithm algorithm, String message) {
        return Base64.getEncoder().encodeToString(algorithm.sign(SECRET, message));
    }

    public static String hex(SignatureAlgorithm algorithm, String message) {
        return HexFormat.of().formatHex(algorithm.sign(SECRET, message));
    }

    /** Stops the start, naming the dialect, when its signature of the known request differs. */
    public static void expect(String dialect, String expected, String actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException("self-test failed: the " + dialect + " signature of the known request is " + actual
                    + " where it must be " + expected);
        }
    }
}
