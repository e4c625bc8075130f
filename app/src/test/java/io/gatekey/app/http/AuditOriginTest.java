package io.gatekey.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.port.in.audit.ListAuditEventsUseCase;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.audit.AuditEvent;
import io.gatekey.domain.audit.AuditEventType;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every audit event written while serving a request carries that request's door, id, source and user agent; the trail stays whole. */
class AuditOriginTest {

    private static AuditEvent newest(TestServer server, AuditEventType type) {
        List<AuditEvent> events = server.useCases.listAuditEvents().list(new ListAuditEventsUseCase.Query(new Principal.Operator(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(type), Optional.empty(), 1));
        assertEquals(1, events.size(), type.name());
        return events.get(0);
    }

    @Test
    void eventsNameTheRequestTheyCameFrom() throws Exception {
        try (TestServer server = TestServer.on("h2", Map.of())) {
            NcpFixture acme = new NcpFixture(server, "Acme");
            HttpResponse<String> ncp = acme.user().send("POST", "/api/v1/credentials",
                    "{\"serialNumber\":\"" + acme.serial + "\",\"tokenCode\":\"" + acme.code(1) + "\"}");
            assertEquals(200, ncp.statusCode());
            AuditEvent issued = newest(server, AuditEventType.CREDENTIALS_ISSUED);
            assertEquals("ncp", issued.origin().door());
            assertEquals(ncp.headers().firstValue("X-Request-Id"), issued.origin().requestId());
            assertEquals(Optional.of("127.0.0.1"), issued.origin().sourceAddress());
            assertTrue(issued.origin().userAgent().orElseThrow().startsWith("Java-http-client"), issued.origin().toString());

            TencentClient tencent = new TencentClient(server, acme.userKey.id().value(), acme.userKey.secret().reveal(), null);
            String wrong = "000000".equals(acme.code(2)) ? "111111" : "000000";
            TreeMap<String, String> signed = tencent.signed(Map.of("tokenCode", wrong), "GET", "HmacSHA256");
            HttpResponse<String> refused = tencent.send(TencentClient.Style.GET, signed);
            assertEquals(200, refused.statusCode());
            AuditEvent failed = newest(server, AuditEventType.MFA_CHECK_FAILED);
            assertEquals("tencent", failed.origin().door());
            assertEquals(refused.headers().firstValue("X-Request-Id"), failed.origin().requestId());

            // Set up by the fixture through the use cases, outside any request: the server's own origin.
            assertEquals("server", newest(server, AuditEventType.ACCOUNT_CREATED).origin().door());
            assertEquals(Optional.empty(), server.useCases.verifyAuditTrail().verify(new Principal.Operator()).broken());
        }
    }
}
