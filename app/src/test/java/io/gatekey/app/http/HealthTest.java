package io.gatekey.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Readiness leaves the pool when the node's clock drifts from the database's; liveness stays; the reason shows on the management port. */
class HealthTest {

    private static int status(TestServer server, String path) throws Exception {
        return get(server.uri(path)).statusCode();
    }

    private static HttpResponse<String> get(java.net.URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls until the status is reached (checks are made once a second) or five seconds passed. */
    private static int awaitStatus(TestServer server, String path, int wanted) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        int status;
        do {
            status = status(server, path);
            if (status != wanted) {
                Thread.sleep(100);
            }
        } while (status != wanted && System.nanoTime() < deadline);
        return status;
    }

    @Test
    void aClockThatDriftsFromTheDatabasesTakesTheNodeOutOfReadinessOnly() throws Exception {
        try (TestServer server = TestServer.on("mariadb", Map.of("gatekey.health.max-clock-skew", "15s"))) {
            server.clock.set(java.time.Instant.now());
            assertEquals(200, awaitStatus(server, "/health/readiness", 200));
            assertEquals(200, status(server, "/health"));
            assertEquals(200, status(server, "/health/liveness"));

            server.clock.advance(Duration.ofSeconds(20));
            assertEquals(503, awaitStatus(server, "/health/readiness", 503));
            assertEquals(503, status(server, "/health"), "the load balancers' /health shows readiness");
            assertEquals(200, status(server, "/health/liveness"));
            String checks = get(server.managementUri("/health-checks")).body();
            assertTrue(checks.contains("\"clock\":\"DOWN: this node's clock is"), checks);
            assertTrue(checks.contains("\"database\":\"UP\""), checks);
            assertEquals(404, status(server, "/health-checks"), "details on the management port only");

            server.clock.set(java.time.Instant.now());
            assertEquals(200, awaitStatus(server, "/health/readiness", 200));
        }
    }

    @Test
    void aNodeWhoseMasterKeyDoesNotOpenTheCanaryIsNotReady() throws Exception {
        io.gatekey.adapter.persistence.TestDatabases.Database database = io.gatekey.adapter.persistence.TestDatabases.newMariaDbDatabase();
        try (TestServer first = new TestServer(database, Map.of())) {
            first.clock.set(java.time.Instant.now());
            assertEquals(200, awaitStatus(first, "/health/readiness", 200), "the first node seals the canary");
        }
        try (TestServer wrongKey = new TestServer(database, Map.of("gatekey.master-key", "1:Hx4dHBsaGRgXFhUUExIREA8ODQwLCgkIBwYFBAMCAQA="))) {
            wrongKey.clock.set(java.time.Instant.now());
            assertEquals(503, awaitStatus(wrongKey, "/health/readiness", 503));
            assertEquals(200, status(wrongKey, "/health/liveness"));
            String checks = get(wrongKey.managementUri("/health-checks")).body();
            assertTrue(checks.contains("\"masterKey\":\"DOWN"), checks);
        }
    }
}
