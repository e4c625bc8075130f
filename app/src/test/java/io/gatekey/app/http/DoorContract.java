package io.gatekey.app.http;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** One server per test class over the database the subclass names; a fresh tenant per test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DoorContract {

    TestServer server;
    NcpFixture acme;

    /** "h2" or "mariadb". */
    abstract String database();

    @BeforeAll
    void startServer() {
        server = TestServer.on(database(), Map.of());
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @BeforeEach
    void newTenant() {
        // Whole seconds follow the real clock, so clients that sign with it (the SDKs) agree with the server, and
        // an offset of exactly some minutes is exactly that for every timestamp format.
        server.clock.set(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
        acme = new NcpFixture(server, "Acme " + UUID.randomUUID().toString().substring(0, 8));
    }
}
