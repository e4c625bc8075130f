package io.gatekey.app.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests the way NCP's SDK does (signature v2): HMAC-SHA256 over
 * {@code METHOD path?query\ntimestamp\naccessKey} with the secret key, standard Base64.
 */
public final class NcpClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final TestServer server;
    private final String accessKey;
    private final String secretKey;
    private static final Map<String, AtomicLong> LAST_SENT = new ConcurrentHashMap<>();

    public NcpClient(TestServer server, String accessKey, String secretKey) {
        this.server = server;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    public static String sign(String secretKey, String method, String pathAndQuery, long timestamp, String accessKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String message = method + " " + pathAndQuery + "\n" + timestamp + "\n" + accessKey;
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Signed at the server clock's time, as the SDK signs every request afresh with the current millisecond; two
     * requests of this client never share a timestamp (the server accepts a state-changing signature once).
     */
    public HttpResponse<String> send(String method, String pathAndQuery, String body) {
        return sendAt(method, pathAndQuery, body, freshTime());
    }

    private Instant freshTime() {
        long clock = server.clock.instant().toEpochMilli();
        return Instant.ofEpochMilli(LAST_SENT.computeIfAbsent(accessKey, k -> new AtomicLong()).updateAndGet(last -> Math.max(clock, last + 1)));
    }

    public HttpResponse<String> sendAt(String method, String pathAndQuery, String body, Instant signedAt) {
        return sendAt(method, pathAndQuery, body, signedAt, new String[0]);
    }

    /** Signed as {@link #send}, with more (unsigned) headers, as a proxy adds them. */
    public HttpResponse<String> sendWith(String method, String pathAndQuery, String body, String... extraHeaders) {
        return sendAt(method, pathAndQuery, body, freshTime(), extraHeaders);
    }

    private HttpResponse<String> sendAt(String method, String pathAndQuery, String body, Instant signedAt, String[] extraHeaders) {
        long timestamp = signedAt.toEpochMilli();
        String signature = sign(secretKey, method, pathAndQuery, timestamp, accessKey);
        String[] signed = {"x-ncp-apigw-timestamp", Long.toString(timestamp), "x-ncp-iam-access-key", accessKey, "x-ncp-apigw-signature-v2", signature};
        String[] headers = java.util.Arrays.copyOf(signed, signed.length + extraHeaders.length);
        System.arraycopy(extraHeaders, 0, headers, signed.length, extraHeaders.length);
        return raw(method, pathAndQuery, body, "application/json; charset=utf-8", headers);
    }

    /** A request with exactly the given headers. */
    public HttpResponse<String> raw(String method, String pathAndQuery, String body, String contentType, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.uri(pathAndQuery).toString()))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null && body != null) {
            builder.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            builder.headers(headers);
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
