package io.gatekey.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.gatekey.adapter.persistence.TestDatabases;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

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

    private final Logger healthLogger = (Logger) LoggerFactory.getLogger("io.gatekey.app.DatabaseHealth");
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @AfterEach
    void release() {
        healthLogger.detachAppender(captured);
    }

    /** What the health checks log, captured from here on. */
    private ListAppender<ILoggingEvent> healthLog() {
        captured.start();
        healthLogger.addAppender(captured);
        return captured;
    }

    private static List<String> lines(ListAppender<ILoggingEvent> captured) {
        return captured.list.stream().map(event -> event.getLevel() + " " + event.getFormattedMessage()).toList();
    }

    @Test
    void aClockThatDriftsFromTheDatabasesTakesTheNodeOutOfReadinessOnly() throws Exception {
        ListAppender<ILoggingEvent> logged = healthLog();
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
            Thread.sleep(2_500);

            server.clock.set(java.time.Instant.now());
            assertEquals(200, awaitStatus(server, "/health/readiness", 200));
            // The drift is told once, however many checks found it (each with other figures), and so is the recovery.
            List<String> lines = lines(logged);
            assertEquals(2, lines.size(), lines::toString);
            assertTrue(lines.get(0).matches("WARN Not ready \\(/health answers 503\\): clock DOWN: this node's clock is \\d+ ms off the database's"), lines::toString);
            assertEquals("INFO Ready again: every health check is UP.", lines.get(1));
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

    @Test
    void aFirstServerWhoseKeyDoesNotOpenTheSecretsStoredBeforeItIsNotReady() throws Exception {
        TestDatabases.Database database = TestDatabases.newMariaDbDatabase();
        String storedWith = "1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
        // Commands stored secrets (they run without health checks); no server has checked, and so sealed, the canary yet.
        try (TestServer commands = new TestServer(database, Map.of("gatekey.master-key", storedWith, "gatekey.health.enabled", false))) {
            new NcpFixture(commands, "Acme");
        }
        ListAppender<ILoggingEvent> logged = healthLog();
        try (TestServer wrongKey = new TestServer(database, Map.of("gatekey.master-key", "1:Hx4dHBsaGRgXFhUUExIREA8ODQwLCgkIBwYFBAMCAQA="))) {
            wrongKey.clock.set(java.time.Instant.now());
            assertEquals(503, awaitStatus(wrongKey, "/health/readiness", 503), "a canary sealed now would make the wrong key look right");
            String checks = get(wrongKey.managementUri("/health-checks")).body();
            assertTrue(checks.contains("\"masterKey\":\"DOWN: the master key does not open the secrets stored in this database\""), checks);
            assertEquals(List.of("WARN Not ready (/health answers 503): masterKey DOWN: the master key does not open the secrets stored in this database"),
                    lines(logged));
        }
        try (TestServer rightKey = new TestServer(database, Map.of("gatekey.master-key", storedWith))) {
            rightKey.clock.set(java.time.Instant.now());
            assertEquals(200, awaitStatus(rightKey, "/health/readiness", 200), "the key that opens the stored secrets seals the canary");
        }
    }
}
