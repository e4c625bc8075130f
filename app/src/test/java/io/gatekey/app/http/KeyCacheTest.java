package io.gatekey.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
