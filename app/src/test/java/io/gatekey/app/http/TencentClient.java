package io.gatekey.app.http;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs v2 requests the way Tencent's v2 SDKs do, and sends them by GET, urlencoded POST or multipart POST. */
final class TencentClient {

    enum Style { GET, FORM, MULTIPART }

    private final HttpClient http = HttpClient.newHttpClient();
    private final TestServer server;
    private final String secretId;
    private final String secretKey;
    private final String token;

    TencentClient(TestServer server, String secretId, String secretKey, String token) {
        this.server = server;
        this.secretId = secretId;
        this.secretKey = secretKey;
        this.token = token;
    }

    /** Common parameters filled in (Timestamp from the server's clock, a random Nonce), then signed. */
    TreeMap<String, String> signed(Map<String, String> actionParameters, String method, String algorithm) {
        TreeMap<String, String> parameters = new TreeMap<>(actionParameters);
        parameters.putIfAbsent("Action", "GetSessionToken");
        parameters.putIfAbsent("Region", "");
        parameters.putIfAbsent("SecretId", secretId);
        parameters.putIfAbsent("Timestamp", Long.toString(server.clock.instant().getEpochSecond()));
        parameters.putIfAbsent("Nonce", Integer.toString(ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE)));
        parameters.putIfAbsent("RequestClient", "SDK_JAVA_2.0.7");
        if (token != null) {
            parameters.putIfAbsent("Token", token);
        }
        if (algorithm.equals("HmacSHA256")) {
            parameters.putIfAbsent("SignatureMethod", "HmacSHA256");
        }
        StringBuilder plain = new StringBuilder(method).append(host()).append("/v2/index.php");
        String separator = "?";
        for (Map.Entry<String, String> entry : parameters.entrySet()) {
            plain.append(separator).append(entry.getKey().replace('_', '.')).append('=').append(entry.getValue());
            separator = "&";
        }
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), algorithm));
            parameters.put("Signature", Base64.getEncoder().encodeToString(mac.doFinal(plain.toString().getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return parameters;
    }

    String host() {
        URI uri = server.uri("/");
        return uri.getHost() + ":" + uri.getPort();
    }

    HttpResponse<String> send(Style style, Map<String, String> parameters) {
        String encoded = encode(parameters);
        HttpRequest.Builder builder;
        switch (style) {
            case GET -> builder = HttpRequest.newBuilder(server.uri("/v2/index.php?" + encoded)).GET();
            case FORM -> builder = HttpRequest.newBuilder(server.uri("/v2/index.php"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(encoded));
            default -> {
                String boundary = "---------------------------" + Long.toHexString(System.nanoTime());
                StringBuilder body = new StringBuilder();
                parameters.forEach((name, value) -> body.append("\r\n--").append(boundary).append("\r\n")
                        .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value));
                body.append("\r\n--").append(boundary).append("--\r\n");
                builder = HttpRequest.newBuilder(server.uri("/v2/index.php"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofString(body.toString()));
            }
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> call(Style style, String algorithm, Map<String, String> actionParameters) {
        String method = style == Style.GET ? "GET" : "POST";
        return send(style, signed(actionParameters, method, algorithm));
    }

    private static String encode(Map<String, String> parameters) {
        StringBuilder out = new StringBuilder();
        parameters.forEach((name, value) -> out.append(out.length() == 0 ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return out.toString();
    }
}
