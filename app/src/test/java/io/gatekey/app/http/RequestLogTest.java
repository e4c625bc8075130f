package io.gatekey.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** One line per request, at every door, with its request id and caller, and never a secret, signature or code. */
class RequestLogTest {

    @Test
    void everyRequestIsOneLineWithoutSecrets() throws Exception {
        Logger requests = (Logger) LoggerFactory.getLogger("gatekey.requests");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        requests.addAppender(captured);
        try (TestServer server = TestServer.on("h2", Map.of())) {
            NcpFixture acme = new NcpFixture(server, "Acme");
            String code = acme.code(1);
            HttpResponse<String> ncp = acme.user().send("POST", "/api/v1/credentials", "{\"serialNumber\":\"" + acme.serial + "\",\"tokenCode\":\"" + code + "\"}");
            assertEquals(200, ncp.statusCode());
            String secret = (String) acme.json(ncp.body()).get("keySecret");
            TencentClient tencent = new TencentClient(server, acme.userKey.id().value(), acme.userKey.secret().reveal(), null);
            TreeMap<String, String> signed = tencent.signed(Map.of("tokenCode", acme.code(2)), "GET", "HmacSHA256");
            HttpResponse<String> tencentAnswer = tencent.send(TencentClient.Style.GET, signed);
            HttpResponse<String> huawei = HuaweiTestSigner.send(server, "GET", "/v5/mfa-devices", null, server.clock.instant(),
                    acme.adminKey.id().value(), acme.adminKey.secret().reveal());
            HttpResponse<String> refused = acme.user().raw("GET", "/api/v1/credentials", null, null);
            assertEquals(401, refused.statusCode());

            List<String> lines = captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertEquals(4, lines.size(), "one line per request: " + lines);
            String ncpLine = lines.stream().filter(l -> l.startsWith("ncp POST /api/v1/credentials 200")).findFirst().orElseThrow();
            assertTrue(ncpLine.contains("id=" + ncp.headers().firstValue("X-Request-Id").orElseThrow()), ncpLine);
            assertTrue(ncpLine.contains("key=" + acme.userKey.id()), ncpLine);
            assertTrue(ncpLine.contains("src=127.0.0.1"), ncpLine);
            String tencentLine = lines.stream().filter(l -> l.startsWith("tencent GET /v2/index.php 200")).findFirst().orElseThrow();
            assertTrue(tencentLine.contains("key=" + acme.userKey.id()), tencentLine);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("huawei GET /v5/mfa-devices 200") && l.contains("key=" + acme.adminKey.id())
                    && l.contains("id=" + huawei.headers().firstValue("X-Request-Id").orElseThrow())), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("ncp GET /api/v1/credentials 401") && l.contains("key=-")), lines.toString());
            assertTrue(tencentAnswer.headers().firstValue("X-Request-Id").isPresent());
            for (String line : lines) {
                for (String forbidden : List.of(code, secret, acme.userKey.secret().reveal(), signed.get("Signature"), "tokenCode", "Signature")) {
                    assertFalse(line.contains(forbidden), line);
                }
            }
        } finally {
            requests.detachAppender(captured);
        }
    }

    @Test
    void aUrlThatDoesNotParseIsLoggedUnderTheDoorAndPathItWasSentTo() throws Exception {
        Logger requests = (Logger) LoggerFactory.getLogger("gatekey.requests");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        requests.addAppender(captured);
        try (TestServer server = TestServer.on("h2", Map.of())) {
            String tencent = server.rawGet("/v2/index.php?SecretId=%HM");
            assertTrue(tencent.contains("\"codeDesc\":\"InvalidParameter\""), tencent);
            String huawei = server.rawGet("/v5/mfa-devices/%zz\u00e9");
            assertTrue(huawei.startsWith("HTTP/1.1 400") && huawei.contains("\"error_code\":\"IAM.1001\""), huawei);

            List<String> lines = captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertEquals(2, lines.size(), lines.toString());
            assertTrue(lines.get(0).startsWith("tencent GET /v2/index.php 200 "), lines.get(0));
            assertTrue(lines.get(1).startsWith("huawei GET /v5/mfa-devices/%zz%C3%A9 400 "), lines.get(1));
        } finally {
            requests.detachAppender(captured);
        }
    }
}
