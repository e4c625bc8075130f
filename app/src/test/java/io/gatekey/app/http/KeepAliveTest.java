package io.gatekey.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A client's pool reuses connections: after any refusal of any door, the connection either still serves the next
 * request, or the refusal said {@code Connection: close} before the server closed it. One connection is reused
 * across every kind of refusal, and after each one a probe goes down the same connection.
 */
class KeepAliveTest {

    /** One answer as read off the wire. */
    record Answer(int status, Map<String, String> headers, String body) {
        boolean closes() {
            return "close".equalsIgnoreCase(headers.getOrDefault("connection", ""));
        }
    }

    /** One connection, written and read by hand so nothing between hides what the server did. */
    static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Connection(URI base) throws IOException {
            socket = new Socket(base.getHost(), base.getPort());
            socket.setSoTimeout(15_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        Answer exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            return read();
        }

        private String line() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("the connection closed" + (bytes.size() > 0 ? " mid-line" : ""));
                }
                if (b != '\r') {
                    bytes.write(b);
                }
            }
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }

        private Answer read() throws IOException {
            String status = line();
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
            String body;
            if (headers.containsKey("content-length")) {
                body = new String(in.readNBytes(Integer.parseInt(headers.get("content-length"))), StandardCharsets.UTF_8);
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                    all.write(in.readNBytes(size));
                    line();
                }
                line();
                body = all.toString(StandardCharsets.UTF_8);
            } else {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return new Answer(Integer.parseInt(status.split(" ")[1]), headers, body);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static byte[] request(URI base, String method, String target, String body, String... headers) {
        StringBuilder text = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: ")
                .append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            text.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        if (body != null) {
            text.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
        }
        text.append("\r\n");
        if (body != null) {
            text.append(body);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyRefusalOfEveryDoorLeavesTheConnectionUsableOrSaysItCloses() throws Exception {
        try (TestServer server = TestServer.on("h2", Map.of())) {
            NcpFixture acme = new NcpFixture(server, "Acme");
            URI base = server.uri("");
            String key = acme.userKey.id().value();
            String secret = acme.userKey.secret().reveal();
            long now = server.clock.instant().toEpochMilli();
            String json = "application/json";
            Map<String, byte[]> refusals = new LinkedHashMap<>();
            refusals.put("ncp unsigned", request(base, "GET", "/api/v1/credentials", null));
            refusals.put("ncp bad signature", request(base, "GET", "/api/v1/credentials", null, "x-ncp-apigw-timestamp", Long.toString(now),
                    "x-ncp-iam-access-key", key, "x-ncp-apigw-signature-v2", "AAAA"));
            refusals.put("ncp stale timestamp", request(base, "GET", "/api/v1/credentials", null, "x-ncp-apigw-timestamp", Long.toString(now - 3_600_000),
                    "x-ncp-iam-access-key", key, "x-ncp-apigw-signature-v2", NcpClient.sign(secret, "GET", "/api/v1/credentials", now - 3_600_000, key)));
            refusals.put("ncp malformed body", request(base, "POST", "/api/v1/credentials", "{\"durationSec\":", "Content-Type", json,
                    "x-ncp-apigw-timestamp", Long.toString(now + 1), "x-ncp-iam-access-key", key,
                    "x-ncp-apigw-signature-v2", NcpClient.sign(secret, "POST", "/api/v1/credentials", now + 1, key)));
            refusals.put("ncp duration out of bounds", request(base, "POST", "/api/v1/credentials", "{\"durationSec\":5}", "Content-Type", json,
                    "x-ncp-apigw-timestamp", Long.toString(now + 2), "x-ncp-iam-access-key", key,
                    "x-ncp-apigw-signature-v2", NcpClient.sign(secret, "POST", "/api/v1/credentials", now + 2, key)));
            refusals.put("ncp signature replayed", refusals.get("ncp duration out of bounds"));
            refusals.put("ncp wrong content type", request(base, "POST", "/api/v1/credentials", "durationSec=900", "Content-Type", "text/plain"));
            refusals.put("ncp sub account unsigned", request(base, "PUT", "/api/v1/login-alias", "{\"loginAlias\":\"x\"}", "Content-Type", json));
            refusals.put("huawei unsigned", request(base, "POST", "/v5/virtual-mfa-devices", "{}", "Content-Type", json));
            refusals.put("huawei bad authorization", request(base, "GET", "/v5/mfa-devices", null, "Authorization", "SDK-HMAC-SHA256 nonsense",
                    "X-Sdk-Date", "20260601T100010Z"));
            refusals.put("tencent unsigned", request(base, "GET", "/v2/index.php?Action=GetSessionToken", null));
            refusals.put("tencent malformed form", request(base, "POST", "/v2/index.php", "%%%", "Content-Type", "application/x-www-form-urlencoded"));
            refusals.put("unknown route", request(base, "GET", "/no/such/route", null));
            refusals.put("wrong method", request(base, "DELETE", "/api/v1/credentials", null));
            refusals.put("gzip body that is not", request(base, "POST", "/api/v1/credentials", "{\"durationSec\":900}", "Content-Type", json,
                    "Content-Encoding", "gzip"));
            refusals.put("oversized body", request(base, "POST", "/api/v1/credentials", "{\"p\":\"" + "x".repeat(70_000) + "\"}", "Content-Type", json));
            refusals.put("oversized body announced, not sent", ("POST /api/v1/credentials HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            refusals.put("oversized header", request(base, "GET", "/api/v1/credentials", null, "X-Filler", "y".repeat(20_000)));
            refusals.put("oversized request line", request(base, "GET", "/v2/index.php?Action=" + "x".repeat(5_000), null));
            refusals.put("malformed request line", "GARBAGE\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            refusals.put("bad chunk", ("POST /api/v1/credentials HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

            byte[] probe = request(base, "GET", "/health", null);
            List<String> closedWithNotice = new ArrayList<>();
            Connection connection = new Connection(base);
            try {
                for (int round = 0; round < 5; round++) {
                    for (Map.Entry<String, byte[]> refusal : refusals.entrySet()) {
                        Answer answer = connection.exchange(refusal.getValue());
                        // Refused in the door's own way: a 4xx, or Tencent's 200 with an error code in the body.
                        boolean refused = answer.status() >= 400 && answer.status() < 500
                                || answer.status() == 200 && refusal.getKey().startsWith("tencent") && !answer.body().contains("\"code\":0");
                        assertTrue(refused, refusal.getKey() + ": " + answer);
                        if (answer.closes()) {
                            if (round == 0) {
                                closedWithNotice.add(refusal.getKey());
                            }
                            connection.close();
                            connection = new Connection(base);
                            continue;
                        }
                        try {
                            Answer next = connection.exchange(probe);
                            assertEquals(200, next.status(), refusal.getKey() + " then the probe: " + next);
                        } catch (IOException e) {
                            fail("after '" + refusal.getKey() + "' (" + answer + ", no Connection: close) the connection broke: " + e);
                        }
                    }
                }
            } finally {
                connection.close();
            }
            // Those the server cannot read on from say so; every other refusal keeps the connection.
            assertEquals(List.of("gzip body that is not", "oversized body", "oversized body announced, not sent", "oversized header", "oversized request line",
                    "malformed request line", "bad chunk"), closedWithNotice);
        }
    }

    @Test
    void whatCannotBeReadIsAnsweredInTheEnvelopeOfTheDoorItsPathNames() throws Exception {
        try (TestServer server = TestServer.on("h2", Map.of())) {
            URI base = server.uri("");
            String filler = "y".repeat(20_000);
            Map<String, Answer> answers = new LinkedHashMap<>();
            for (String path : List.of("/api/v1/credentials", "/v5/mfa-devices", "/v2/index.php", "/", "/nsa/acme")) {
                try (Connection connection = new Connection(base)) {
                    answers.put(path, connection.exchange(request(base, "GET", path, null, "X-Filler", filler)));
                }
            }
            answers.values().forEach(answer -> assertTrue(answer.closes(), answer.toString()));
            assertEquals(431, answers.get("/api/v1/credentials").status());
            assertEquals("{\"error\":{\"errorCode\":\"100\",\"message\":\"Bad Request Exception\",\"details\":\"Request headers too large.\"}}",
                    answers.get("/api/v1/credentials").body());
            assertEquals(431, answers.get("/v5/mfa-devices").status());
            assertTrue(answers.get("/v5/mfa-devices").body().startsWith("{\"error_code\":\"APIGW.0103\",\"error_msg\":\"The request headers are too large.\""),
                    answers.get("/v5/mfa-devices").body());
            assertEquals(200, answers.get("/v2/index.php").status(), "Tencent's SDK reads only a 200's body");
            assertEquals("{\"code\":4000,\"message\":\"the request headers are too large\",\"codeDesc\":\"InvalidParameter\",\"data\":[]}",
                    answers.get("/v2/index.php").body());
            assertEquals(431, answers.get("/").status());
            assertTrue(answers.get("/").body().contains("<Code>RequestHeaderSectionTooLarge</Code>"), answers.get("/").body());
            assertEquals(431, answers.get("/nsa/acme").status());
            assertTrue(answers.get("/nsa/acme").body().contains("<title>Too large - Gatekey</title>"), answers.get("/nsa/acme").body());

            try (Connection connection = new Connection(base)) {
                Answer longLine = connection.exchange(request(base, "GET", "/api/v1/credentials?x=" + "x".repeat(5_000), null));
                assertEquals(414, longLine.status());
                assertEquals("{\"message\":\"request line too long\"}", longLine.body());
                assertTrue(longLine.closes());
            }
            try (Connection connection = new Connection(base)) {
                Answer notGzip = connection.exchange(request(base, "POST", "/api/v1/credentials", "{\"durationSec\":900}",
                        "Content-Type", "application/json", "Content-Encoding", "gzip"));
                assertEquals(400, notGzip.status());
                assertEquals("{\"error\":{\"errorCode\":\"100\",\"message\":\"Bad Request Exception\",\"details\":\"Malformed request.\"}}", notGzip.body());
                assertTrue(notGzip.closes());
            }
            try (Connection connection = new Connection(base)) {
                Answer garbage = connection.exchange("GARBAGE\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertEquals(400, garbage.status());
                assertEquals("{\"message\":\"bad request\"}", garbage.body());
                assertTrue(garbage.closes());
            }
        }
    }
}
