package io.gatekey.adapter.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code name=value} parts of an {@code Authorization} header after its scheme, as the HMAC dialects write them. */
public final class AuthorizationParameters {

    private AuthorizationParameters() {
    }

    /** {@code "Access=AK, SignedHeaders=a;b, Signature=hex"} as a map; parts without '=' are left out. */
    public static Map<String, String> parse(String text) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                parts.put(part.substring(0, equals).strip(), part.substring(equals + 1).strip());
            }
        }
        return parts;
    }
}
