package io.gatekey.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatekey.adapter.persistence.H2TcpDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signed reads reuse key material for a few seconds at most; a deactivated key is refused once they pass. */
class KeyCacheTest {

    @Test
    void aDeactivatedKeyIsRefusedOnceTheCacheLifetimeHasPassed() {
        try (TestServer server = TestServer.on("h2", Map.of("gatekey.key-cache-lifetime", "4s"))) {
            server.clock.set(Instant.ofEpochMilli(System.currentTimeMillis()));
            NcpFixture acme = new NcpFixture(server, "Acme");
            assertEquals(200, acme.user().send("GET", "/api/v1/credentials", null).statusCode());

            assertEquals(200, acme.admin().send("PUT", "/api/v1/sub-accounts/" + acme.user.id() + "/access-keys",
                    "{\"accessKey\":\"" + acme.userKey.id() + "\",\"active\":false}").statusCode());
            // Within the lifetime this node still holds the key as it read it.
            server.clock.advance(Duration.ofMillis(3999));
            assertEquals(200, acme.user().send("GET", "/api/v1/credentials", null).statusCode());

            server.clock.advance(Duration.ofMillis(1));
            assertEquals(401, acme.user().send("GET", "/api/v1/credentials", null).statusCode());
        }
    }

    @Test
    void aSignedReadWithItsKeyInMemoryTouchesNoDatabase() throws Exception {
        try (H2TcpDatabase database = new H2TcpDatabase();
             TestServer server = new TestServer(database.database(), Map.of("gatekey.key-cache-lifetime", "4s",
                     "datasources.default.connection-timeout", 1000, "datasources.default.validation-timeout", 500))) {
            server.clock.set(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
            NcpFixture acme = new NcpFixture(server, "Acme");
            HttpResponse<String> warm = acme.user().send("GET", "/api/v1/credentials", null);
            assertEquals(200, warm.statusCode());

            database.stop();
            HttpResponse<String> fromMemory = acme.user().send("GET", "/api/v1/credentials", null);
            assertEquals(200, fromMemory.statusCode(), "the key and its owner as read a moment ago answer it");
            assertEquals(warm.body(), fromMemory.body());
            assertEquals("{\"error\":{\"errorCode\":\"200\",\"message\":\"Authentication Failed\",\"details\":\"Invalid authentication information.\"}}",
                    new NcpClient(server, acme.userKey.id().value(), "not-the-secret-not-the-secret-not-the-xx").send("GET", "/api/v1/credentials", null).body(),
                    "a wrong signature is refused from memory too");
            assertEquals(503, acme.user().send("POST", "/api/v1/credentials", "{\"durationSec\":900}").statusCode(), "a write needs the database");

            server.clock.advance(Duration.ofSeconds(4));
            assertEquals(503, acme.user().send("GET", "/api/v1/credentials", null).statusCode(), "past the cache's lifetime the read goes to storage");
        }
    }
}
