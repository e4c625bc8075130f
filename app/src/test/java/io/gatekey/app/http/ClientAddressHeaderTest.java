package io.gatekey.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Behind a proxy the configured header names the client, its first address counting; without it, the peer does. */
class ClientAddressHeaderTest {

    private static final String ONLY_203 = "{\"name\":\"alice\",\"useApiAllowSource\":true,\"apiAllowSources\":[{\"type\":\"IP\",\"source\":\"203.0.113.0/24\"}]}";

    @Test
    void theProxysHeaderNamesTheSourceWhenConfigured() {
        try (TestServer server = TestServer.on("h2", Map.of("gatekey.http.client-address-header", "X-Forwarded-For"))) {
            NcpFixture acme = new NcpFixture(server, "Acme");
            assertEquals(200, acme.admin().send("PUT", "/api/v1/sub-accounts/" + acme.user.id(), ONLY_203).statusCode());
            assertEquals(200, acme.user().sendWith("GET", "/api/v1/credentials", null, "X-Forwarded-For", "203.0.113.9, 10.0.0.1").statusCode());
            assertEquals(401, acme.user().sendWith("GET", "/api/v1/credentials", null, "X-Forwarded-For", "10.0.0.1, 203.0.113.9").statusCode(),
                    "the first address is the client's");
            assertEquals(401, acme.user().send("GET", "/api/v1/credentials", null).statusCode(), "no header, no known source");
            assertEquals(401, acme.user().sendWith("GET", "/api/v1/credentials", null, "X-Forwarded-For", "proxy.example").statusCode(),
                    "only address literals count");
        }
    }

    @Test
    void withoutTheSettingAClientCannotNameItsOwnAddress() {
        try (TestServer server = TestServer.on("h2", Map.of())) {
            NcpFixture acme = new NcpFixture(server, "Acme");
            assertEquals(200, acme.admin().send("PUT", "/api/v1/sub-accounts/" + acme.user.id(), ONLY_203).statusCode());
            assertEquals(401, acme.user().sendWith("GET", "/api/v1/credentials", null, "X-Forwarded-For", "203.0.113.9").statusCode());
        }
    }
}
