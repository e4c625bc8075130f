package io.gatekey.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatekey.adapter.persistence.H2TcpDatabase;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the database gone, every door answers 503 in its own envelope (Tencent: HTTP 200, code 6000), then recovers. */
class DatabaseOutageTest {

    @Test
    void aLostDatabaseIsA503InEachDoorsEnvelopeUntilItReturns() throws Exception {
        try (H2TcpDatabase database = new H2TcpDatabase();
             TestServer server = new TestServer(database.database(),
                     Map.of("datasources.default.connection-timeout", 1000, "datasources.default.validation-timeout", 500))) {
            server.clock.set(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
            NcpFixture acme = new NcpFixture(server, "Acme");
            assertEquals(200, acme.user().send("GET", "/api/v1/credentials", null).statusCode());

            database.stop();
            HttpResponse<String> ncp = acme.user().send("GET", "/api/v1/credentials", null);
            assertEquals(503, ncp.statusCode());
            assertEquals("{\"error\":{\"errorCode\":\"503\",\"message\":\"Service Unavailable\",\"details\":\"The service is temporarily unavailable; retry later.\"}}", ncp.body());
            HttpResponse<String> tencent = new TencentClient(server, acme.userKey.id().value(), acme.userKey.secret().reveal(), null)
                    .call(TencentClient.Style.GET, "HmacSHA1", Map.of("tokenCode", acme.code(1)));
            assertEquals(200, tencent.statusCode());
            assertEquals(6000, acme.json(tencent.body()).get("code"));
            // /health answers from a probe made once a second: DOWN within about a second.
            long healthDeadline = System.nanoTime() + 5_000_000_000L;
            int health;
            do {
                health = acme.user().raw("GET", "/health", null, null).statusCode();
                Thread.sleep(100);
            } while (health != 503 && System.nanoTime() < healthDeadline);
            assertEquals(503, health);
            assertEquals("{\"status\":\"DOWN\"}", acme.user().raw("GET", "/health", null, null).body());

            database.start();
            long deadline = System.nanoTime() + 15_000_000_000L;
            int status;
            do {
                Thread.sleep(700);
                status = acme.user().send("GET", "/api/v1/credentials", null).statusCode();
            } while (status != 200 && System.nanoTime() < deadline);
            assertEquals(200, status);
        }
    }
}
