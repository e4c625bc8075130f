package io.gatekey.adapter.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query as a signature over its bytes reads it: parameters split on '&' alone, names and values percent-decoded as
 * UTF-8, '+' a space. Micronaut binds a route's query parameters otherwise in two ways a signer does not see: it also
 * splits on ';', and it decodes in the charset of the Content-Type, a header no dialect here signs. A door whose
 * signature covers the raw query and whose routes read Micronaut's binding refuses a query that the two read apart,
 * so a request is never carried out with values other than those it was signed with.
 */
public final class SignedQuery {

    private SignedQuery() {
    }

    /**
     * The parameters of {@code rawQuery} (none when null) in the order given, each name's values in order.
     *
     * @throws IllegalArgumentException for a malformed percent-encoding
     */
    public static Map<String, List<String>> parameters(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                parameters.computeIfAbsent(decode(equals < 0 ? pair : pair.substring(0, equals)), name -> new ArrayList<>())
                        .add(decode(equals < 0 ? "" : pair.substring(equals + 1)));
            }
        }
        return parameters;
    }

    /** Whether Micronaut's binding of the query ({@code HttpRequest.getParameters().asMap()}) reads it as {@link #parameters} does. */
    public static boolean boundAsSigned(String rawQuery, Map<String, List<String>> bound) {
        try {
            return parameters(rawQuery).equals(bound);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
