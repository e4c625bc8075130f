package io.gatekey.domain.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The MACs that providers' request signatures use. */
public enum SignatureAlgorithm {
    HMAC_SHA1("HmacSHA1"),
    HMAC_SHA256("HmacSHA256"),
    /**
     * AWS Signature Version 4: HMAC-SHA256 under a key derived from the secret for the request's credential scope,
     * {@code HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")}. The scope is read
     * from the string to sign's third line, {@code {date}/{region}/{service}/aws4_request}, which the door built.
     */
    AWS4_HMAC_SHA256("HmacSHA256") {
        @Override
        public byte[] sign(byte[] secret, String stringToSign) {
            String[] lines = stringToSign.split("\n", 4);
            String[] scope = lines.length == 4 ? lines[2].split("/", -1) : new String[0];
            if (scope.length != 4 || !scope[3].equals("aws4_request")) {
                throw new IllegalArgumentException("not a SigV4 string to sign: its third line is no credential scope");
            }
            byte[] key = new byte[secret.length + 4];
            System.arraycopy(AWS4, 0, key, 0, 4);
            System.arraycopy(secret, 0, key, 4, secret.length);
            for (String part : scope) {
                key = HMAC_SHA256.sign(key, part);
            }
            return HMAC_SHA256.sign(key, stringToSign);
        }
    };

    private static final byte[] AWS4 = "AWS4".getBytes(StandardCharsets.US_ASCII);

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
