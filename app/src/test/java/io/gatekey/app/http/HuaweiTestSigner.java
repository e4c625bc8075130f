package io.gatekey.app.http;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** An independent implementation of Huawei's canonical request pieces, for raw requests the SDK will not make. */
final class HuaweiTestSigner {

    private HuaweiTestSigner() {
    }

    /** A request signed as the SDK signs it, with {@code content-type;host;x-sdk-date} signed. */
    static java.net.http.HttpResponse<String> send(TestServer server, String method, String pathAndQuery, String body, java.time.Instant signedAt,
                                                   String accessKey, String secret) throws Exception {
        String date = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC).format(signedAt);
        java.net.URI uri = server.uri(pathAndQuery);
        String host = uri.getHost() + ":" + uri.getPort();
        String payload = body == null ? "" : body;
        String canonical = String.join("\n", method, canonicalUri(uri.getRawPath()), canonicalQuery(uri.getRawQuery()),
                "content-type:application/json\nhost:" + host + "\nx-sdk-date:" + date + "\n", "content-type;host;x-sdk-date", sha256Hex(payload));
        String signature = hmacHex(secret, "SDK-HMAC-SHA256\n" + date + "\n" + sha256Hex(canonical));
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(uri)
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody() : java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("X-Sdk-Date", date)
                .header("Authorization", "SDK-HMAC-SHA256 Access=" + accessKey + ", SignedHeaders=content-type;host;x-sdk-date, Signature=" + signature)
                .build();
        return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    static String canonicalUri(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("/")) {
            out.append(encode(URLDecoder.decode(segment, StandardCharsets.UTF_8))).append('/');
        }
        return out.toString();
    }

    static String canonicalQuery(String query) {
        if (query == null) {
            return "";
        }
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            sorted.computeIfAbsent(encode(kv[0]), k -> new ArrayList<>()).add(encode(kv.length > 1 ? kv[1] : ""));
        }
        List<String> out = new ArrayList<>();
        sorted.forEach((k, vs) -> vs.forEach(v -> out.add(k + "=" + v)));
        return String.join("&", out);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String hmacHex(String key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
