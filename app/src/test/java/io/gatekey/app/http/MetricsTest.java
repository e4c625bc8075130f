package io.gatekey.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** After a scripted session the management port's Prometheus scrape shows each counter at its value; the public port serves none. */
class MetricsTest {

    private static String scrape(TestServer server) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.managementUri("/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    private static double value(String scrape, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.E+-]+)$").matcher(scrape);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    @Test
    void aSessionsCountersAreScrapedOnTheManagementPortOnly() throws Exception {
        try (TestServer server = TestServer.on("h2", Map.of("gatekey.key-cache-lifetime", "4s"))) {
            NcpFixture acme = new NcpFixture(server, "Acme");
            String code = acme.code(1);
            String body = "{\"serialNumber\":\"" + acme.serial + "\",\"tokenCode\":\"%s\"}";
            assertEquals(200, acme.user().send("POST", "/api/v1/credentials", body.formatted(code)).statusCode());
            assertEquals(401, acme.user().send("POST", "/api/v1/credentials", body.formatted(code)).statusCode(), "replayed");
            assertEquals(200, acme.user().send("POST", "/api/v1/credentials", "{\"durationSec\":900}").statusCode());
            assertEquals(401, new NcpClient(server, acme.userKey.id().value(), "not-the-secret-not-the-secret-not-the-xx")
                    .send("GET", "/api/v1/credentials", null).statusCode(), "bad signature");
            TencentClient tencent = new TencentClient(server, acme.userKey.id().value(), acme.userKey.secret().reveal(), null);
            server.clock.advance(java.time.Duration.ofSeconds(30));
            assertEquals(0, ClusterContract.tencentCode(tencent.call(TencentClient.Style.GET, "HmacSHA256", Map.of("tokenCode", acme.code(1)))));

            String wrong = "000000".equals(acme.code(0)) ? "111111" : "000000";
            for (int i = 0; i < 10; i++) {
                acme.user().send("POST", "/api/v1/credentials", body.formatted(wrong));
            }

            String scrape = scrape(server);
            assertEquals(1, value(scrape, "gatekey_mfa_lockouts_total{door=\"ncp\"}"), "ten wrong codes lock once");
            assertEquals(10, value(scrape, "gatekey_mfa_refused_total{door=\"ncp\",reason=\"invalid\"}"));
            assertEquals(1, value(scrape, "gatekey_credentials_issued_total{door=\"ncp\",mfa=\"true\"}"), scrape);
            assertEquals(1, value(scrape, "gatekey_credentials_issued_total{door=\"ncp\",mfa=\"false\"}"));
            assertEquals(1, value(scrape, "gatekey_credentials_issued_total{door=\"tencent\",mfa=\"true\"}"));
            assertEquals(1, value(scrape, "gatekey_mfa_refused_total{door=\"ncp\",reason=\"replayed\"}"));
            assertEquals(1, value(scrape, "gatekey_signature_refused_total{door=\"ncp\",reason=\"bad_signature\"}"));
            assertTrue(value(scrape, "gatekey_keycache_lookups_total{result=\"hit\"}") >= 1, "the key cache served some lookups");
            assertTrue(value(scrape, "gatekey_secrets_opened_total") >= 3, "the key's secret, the seed, a credential's secret");
            assertEquals(2, value(scrape, "http_server_requests_seconds_count{door=\"ncp\",method=\"POST\",status=\"200\",uri=\"/api/v1/credentials\"}"),
                    "requests by door, method, status and route template: " + scrape.lines().filter(l -> l.startsWith("http_server_requests_seconds_count")).toList());
            assertEquals(1, value(scrape, "http_server_requests_seconds_count{door=\"ncp\",method=\"GET\",status=\"401\",uri=\"/api/v1/credentials\"}"), scrape.lines().filter(l -> l.startsWith("http_server_requests_seconds_count")).toList().toString());
            assertFalse(scrape.contains(acme.userKey.id().value()), "no key id as a label");

            HttpResponse<String> publicPort = acme.user().raw("GET", "/prometheus", null, null);
            assertEquals(404, publicPort.statusCode(), "the public port serves no metrics");
            assertTrue(scrape(server).lines().anyMatch(line -> line.startsWith("http_server_requests_seconds_count{") && line.contains("status=\"404\"")
                    && line.contains("uri=\"UNMATCHED\"")), "a path no route matches is counted under one label, not its own");
        }
    }
}
