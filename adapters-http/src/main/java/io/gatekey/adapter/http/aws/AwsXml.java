package io.gatekey.adapter.http.aws;

import io.gatekey.adapter.http.RequestIds;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;

/** AWS's Query-protocol answers: {@code {Action}Response/{Action}Result} and {@code ResponseMetadata/RequestId}. */
final class AwsXml {

    private AwsXml() {
    }

    /** A 200 answer of {@code action} whose result holds {@code resultXml} (already escaped). */
    static HttpResponse<?> result(String action, String namespace, String resultXml) {
        String body = "<" + action + "Response xmlns=\"" + namespace + "\"><" + action + "Result>" + resultXml + "</" + action + "Result>"
                + "<ResponseMetadata><RequestId>" + RequestIds.current() + "</RequestId></ResponseMetadata></" + action + "Response>";
        return HttpResponse.ok(body).contentType(MediaType.TEXT_XML_TYPE);
    }

    /** A 200 answer of an action that has no result, only its request id. */
    static HttpResponse<?> empty(String action, String namespace) {
        String body = "<" + action + "Response xmlns=\"" + namespace + "\"><ResponseMetadata><RequestId>" + RequestIds.current()
                + "</RequestId></ResponseMetadata></" + action + "Response>";
        return HttpResponse.ok(body).contentType(MediaType.TEXT_XML_TYPE);
    }

    /** {@code <name>value</name>} with the value escaped. */
    static String element(String name, String value) {
        return "<" + name + ">" + escape(value) + "</" + name + ">";
    }

    /**
     * The text with XML's special characters escaped, and each character XML 1.0 does not allow at all (control
     * characters, a lone surrogate, U+FFFE and U+FFFF), which a request may carry into an error message, written as
     * U+FFFD: the SDKs' parsers refuse a document that holds one, even escaped.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else {
                        out.append(allowedInXml(c) ? c : '\uFFFD');
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean allowedInXml(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
