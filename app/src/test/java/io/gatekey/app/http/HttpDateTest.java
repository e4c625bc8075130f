package io.gatekey.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every answer, of every door and the management port, success or error, carries one Date: IMF-fixdate from the server's clock. */
class HttpDateTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static List<String> dates(HttpRequest request, int status) throws Exception {
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), request + ": " + response.body());
        return response.headers().allValues("date");
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).build();
    }

    private static HttpRequest post(URI uri, String type, String body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    @Test
    void everyAnswerIsDatedFromTheServersClockWithATwoDigitDay() throws Exception {
        try (TestServer server = TestServer.on("h2", Map.of())) {
            server.clock.set(Instant.parse("2026-03-05T04:05:06.789Z"));
            List<String> thursday = List.of("Thu, 05 Mar 2026 04:05:06 GMT");
            assertEquals(thursday, dates(get(server.uri("/health")), 200));
            // Errors in each door's envelope: unsigned NCP, Huawei and AWS requests, a Tencent call without its action.
            assertEquals(thursday, dates(get(server.uri("/api/v1/credentials")), 401));
            assertEquals(thursday, dates(get(server.uri("/v5/mfa-devices")), 401));
            assertEquals(thursday, dates(post(server.uri("/"), "application/x-www-form-urlencoded", "Action=GetCallerIdentity&Version=2011-06-15"), 403));
            assertEquals(thursday, dates(post(server.uri("/v2/index.php"), "application/x-www-form-urlencoded", "Region=ap-guangzhou"), 200));
            // A body over the limit, a path nobody serves, the management port.
            assertEquals(thursday, dates(post(server.uri("/api/v1/credentials"), "application/json", "{\"x\":\"" + "a".repeat(70_000) + "\"}"), 413));
            assertEquals(thursday, dates(get(server.uri("/no/such/path")), 404));
            assertEquals(thursday, dates(get(server.managementUri("/prometheus")), 200));

            server.clock.advance(Duration.ofMillis(211));
            assertEquals(List.of("Thu, 05 Mar 2026 04:05:07 GMT"), dates(get(server.uri("/health")), 200));
            server.clock.advance(Duration.ofDays(300).plusHours(20));
            assertEquals(List.of("Thu, 31 Dec 2026 00:05:07 GMT"), dates(get(server.uri("/health")), 200));
            server.clock.advance(Duration.ofDays(-400));
            assertEquals(List.of("Wed, 26 Nov 2025 00:05:07 GMT"), dates(get(server.uri("/health")), 200));
        }
    }
}
