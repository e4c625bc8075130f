package io.gatekey.domain.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The MACs that providers' request signatures use. */
public enum SignatureAlgorithm {
    HMAC_SHA1("HmacSHA1"),
    HMAC_SHA256("HmacSHA256");

    private final String jcaName;

    SignatureAlgorithm(String jcaName) {
        this.jcaName = jcaName;
    }

    /** Per thread, one kept {@code Mac} per algorithm, re-keyed for every message. */
    private static final ThreadLocal<Mac[]> MACS = ThreadLocal.withInitial(() -> new Mac[values().length]);

    /** The raw MAC of the UTF-8 message; doors encode it as their wire format wants (Base64, hex). */
    public byte[] sign(byte[] key, String message) {
        try {
            Mac[] kept = MACS.get();
            Mac mac = kept[ordinal()];
            if (mac == null) {
                mac = Mac.getInstance(jcaName);
                kept[ordinal()] = mac;
            }
            mac.init(new SecretKeySpec(key, jcaName));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + jcaName, e);
        }
    }
}
