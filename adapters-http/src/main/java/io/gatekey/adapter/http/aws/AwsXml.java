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

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
