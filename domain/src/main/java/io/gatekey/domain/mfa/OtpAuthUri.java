package io.gatekey.domain.mfa;

import io.gatekey.domain.shared.InvalidValueException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds the {@code otpauth://totp/...} URI that authenticator apps scan (Key Uri Format). */
public final class OtpAuthUri {

    private OtpAuthUri() {
    }

    public static String of(String issuer, String accountLabel, TotpSeed seed, TotpParameters parameters) {
        requireLabelPart("issuer", issuer);
        requireLabelPart("account", accountLabel);
        return "otpauth://totp/" + encode(issuer) + ":" + encode(accountLabel)
                + "?secret=" + seed.toBase32()
                + "&issuer=" + encode(issuer)
                + "&algorithm=" + parameters.algorithm().name()
                + "&digits=" + parameters.digits()
                + "&period=" + parameters.periodSeconds();
    }

    // The label is "issuer:account"; a ':' inside either part would make the split ambiguous.
    private static void requireLabelPart(String field, String value) {
        if (value == null || value.isBlank() || value.indexOf(':') >= 0) {
            throw new InvalidValueException(field, "non-blank, without ':'");
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
