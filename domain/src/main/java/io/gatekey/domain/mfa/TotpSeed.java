package io.gatekey.domain.mfa;

import io.gatekey.domain.shared.Identifiers;
import io.gatekey.domain.shared.InvalidValueException;
import io.gatekey.domain.shared.Secrets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bouncycastle.util.encoders.Base32;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.DecoderException;

/** The shared secret of a TOTP device: at least 160 bits (RFC 4226 s4), shown to its owner once, as Base32. */
public final class TotpSeed {

    private static final Pattern BASE32 = Pattern.compile("[A-Za-z2-7]+=*");

    public static final int MIN_BYTES = 20;

    private final byte[] bytes;
    private transient SecretKeySpec spec;

    private TotpSeed(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A seed from CSPRNG output; the caller supplies at least {@value #MIN_BYTES} bytes. */
    public static TotpSeed of(byte[] bytes) {
        if (bytes == null || bytes.length < MIN_BYTES) {
            throw new InvalidValueException("seed", "at least 160 bits");
        }
        return new TotpSeed(bytes.clone());
    }

    /** Parses Base32 (RFC 4648), upper or lower case, with or without padding, as seed files and apps write it. */
    public static TotpSeed fromBase32(String text) {
        if (text == null || !BASE32.matcher(text).matches()) {
            throw new InvalidValueException("seed", "Base32 (A-Z, 2-7)");
        }
        String unpadded = text.replace("=", "").toUpperCase(Locale.ROOT);
        String padded = unpadded + "=".repeat((8 - unpadded.length() % 8) % 8);
        try {
            return of(Base32.decode(padded));
        } catch (DecoderException e) {
            throw new InvalidValueException("seed", "Base32 (A-Z, 2-7)");
        }
    }

    /** Base32 without padding, as otpauth URIs carry it. */
    public String toBase32() {
        return Identifiers.base32(bytes);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    byte[] hmacKey() {
        return bytes;
    }

    /** The seed as an HMAC key for the JDK, made once per seed (the JDK's HMACs take any raw key). */
    SecretKeySpec hmacSpec() {
        SecretKeySpec made = spec;
        if (made == null) {
            made = new SecretKeySpec(bytes, "HMAC");
            spec = made;
        }
        return made;
    }

    public boolean sameAs(TotpSeed other) {
        return Secrets.constantTimeEquals(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TotpSeed other && sameAs(other);
    }

    @Override
    public int hashCode() {
        return bytes.length;
    }

    @Override
    public String toString() {
        return "***";
    }
}
