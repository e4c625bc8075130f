package io.gatekey.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.adapter.persistence.TestDatabases;
import io.gatekey.application.testing.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console's session rules over real sockets, on MariaDB: CSRF, new ids, cookie flags, timeouts, two nodes. */
class ConsoleSessionTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.now());
    private static TestServer first;
    private static TestServer second;
    private static int tenants;

    @BeforeAll
    static void start() {
        TestDatabases.Database database = TestDatabases.newMariaDbDatabase();
        first = new TestServer(database, Map.of(), CLOCK);
        second = new TestServer(database, Map.of(), CLOCK);
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
    }

    private static ConsoleFixture tenant() {
        tenants++;
        ConsoleFixture fixture = new ConsoleFixture(first, "Tenant " + tenants, "tenant" + tenants, false, false);
        CLOCK.advance(Duration.ofSeconds(30));
        return fixture;
    }

    /** Password and code: a signed-in browser. */
    private static ConsoleClient signedIn(ConsoleFixture fixture, TestServer node) {
        ConsoleClient browser = new ConsoleClient(node);
        HttpResponse<String> password = browser.signIn(fixture.alias, "alice", ConsoleFixture.PASSWORD);
        assertEquals(303, password.statusCode(), password.body());
        assertEquals("/nsa/" + fixture.alias + "/code", ConsoleClient.location(password).getPath());
        browser.get("/nsa/" + fixture.alias + "/code");
        HttpResponse<String> code = browser.post("/nsa/" + fixture.alias + "/code", "code", fixture.tenant.code(0));
        assertEquals("/nsa/" + fixture.alias + "/console", ConsoleClient.location(code).getPath());
        CLOCK.advance(Duration.ofSeconds(30));
        return browser;
    }

    @Test
    void everyFilterIsOnEveryPathSoTheRouterMatchesNoneAndConsolePagesStillRender() {
        // Micronaut's router weighs a filter's pattern, methods and matcher annotations on every request, unless
        // every filter is on "/**" alone: then it hands each request the one list it made at start.
        var filters = first.context.getAllBeanDefinitions().stream()
                .filter(definition -> definition.hasStereotype(io.micronaut.http.annotation.ServerFilter.class)
                        || definition.hasStereotype(io.micronaut.http.annotation.Filter.class))
                .toList();
        assertTrue(filters.stream().anyMatch(definition -> definition.getBeanType().getSimpleName().equals("ConsoleHeaders")), filters.toString());
        for (var filter : filters) {
            Class<? extends java.lang.annotation.Annotation> kind = filter.hasStereotype(io.micronaut.http.annotation.ServerFilter.class)
                    ? io.micronaut.http.annotation.ServerFilter.class : io.micronaut.http.annotation.Filter.class;
            List<String> patterns = List.of(filter.stringValues(kind, "patterns"));
            assertTrue(patterns.isEmpty() || patterns.equals(List.of("/**")), filter.getBeanType() + " on " + patterns);
            assertEquals(0, filter.stringValues(kind, "methods").length, filter.getBeanType() + " on some methods only");
        }
        ConsoleFixture fixture = tenant();
        HttpResponse<String> page = new ConsoleClient(first).get("/nsa/" + fixture.alias);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().startsWith("<!DOCTYPE html>") && page.body().contains("name=\"password\""), "still rendered: " + page.body());
        assertEquals("text/html;charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
        // The console's headers stay on the console's paths: a door's answer carries none of them.
        HttpResponse<String> door = new ConsoleClient(first).get("/api/v1/credentials");
        assertEquals(401, door.statusCode());
        assertTrue(door.headers().firstValue("X-Frame-Options").isEmpty() && door.headers().firstValue("Content-Security-Policy").isEmpty(),
                door.headers().map().toString());
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        ConsoleFixture fixture = tenant();
        ConsoleClient browser = new ConsoleClient(first);
        browser.get("/nsa/" + fixture.alias);
        HttpResponse<String> noToken = browser.post("/nsa/" + fixture.alias + "/sign-in", "csrf", "", "loginId", "alice", "password", ConsoleFixture.PASSWORD);
        assertEquals(403, noToken.statusCode());
        assertTrue(noToken.body().contains("Form expired"), noToken.body());
        assertFalse(browser.cookies.containsKey(ConsoleClientNames.SESSION));

        ConsoleClient signed = signedIn(fixture, first);
        signed.get("/nsa/" + fixture.alias + "/console");
        HttpResponse<String> forged = signed.post("/nsa/" + fixture.alias + "/console/keys", "csrf", "forged");
        assertEquals(403, forged.statusCode());
        assertEquals(1, fixture.tenant.server.useCases.listAccessKeys().list(new io.gatekey.application.port.in.accesskey.ListAccessKeysUseCase.Query(
                new io.gatekey.domain.access.Principal.Operator(), io.gatekey.domain.accesskey.KeyOwner.subAccount(fixture.tenant.accountId,
                        fixture.tenant.user.id()))).size(), "no key was made");
        HttpResponse<String> missing = signed.post("/nsa/" + fixture.alias + "/sign-out", "csrf", null, "loginId", "alice");
        assertEquals(403, missing.statusCode());
        assertEquals(400, signed.post("/nsa/" + fixture.alias + "/sign-out", "csrf", null).statusCode(), "an empty form");
        assertEquals(200, signed.get("/nsa/" + fixture.alias + "/console").statusCode(), "the session goes on");
    }

    @Test
    void theSessionIdChangesAtEveryStepAndTheCookieIsGuarded() {
        ConsoleFixture fixture = tenant();
        ConsoleClient browser = new ConsoleClient(first);
        browser.get("/nsa/" + fixture.alias);
        assertFalse(browser.cookies.containsKey(ConsoleClientNames.SESSION));
        browser.post("/nsa/" + fixture.alias + "/sign-in", "loginId", "alice", "password", ConsoleFixture.PASSWORD);
        String afterPassword = browser.cookies.get(ConsoleClientNames.SESSION);
        String line = browser.setCookies.stream().filter(c -> c.startsWith(ConsoleClientNames.SESSION + "=")).findFirst().orElseThrow();
        assertTrue(line.toLowerCase().contains("httponly"), line);
        assertTrue(line.contains("SameSite=Strict"), line);
        assertTrue(line.contains("Path=/nsa/" + fixture.alias), line);
        assertFalse(line.toLowerCase().contains("secure"), "plain HTTP: " + line);
        browser.get("/nsa/" + fixture.alias + "/code");
        browser.post("/nsa/" + fixture.alias + "/code", "code", fixture.tenant.code(0));
        String afterCode = browser.cookies.get(ConsoleClientNames.SESSION);
        assertNotEquals(afterPassword, afterCode);

        ConsoleClient stale = new ConsoleClient(first);
        stale.cookies.put(ConsoleClientNames.SESSION, afterPassword);
        assertEquals("/nsa/" + fixture.alias, ConsoleClient.location(stale.get("/nsa/" + fixture.alias + "/console")).getPath(),
                "the token from before the code is dead");

        CLOCK.advance(Duration.ofSeconds(30));
        ConsoleClient again = signedIn(fixture, first);
        assertNotEquals(afterCode, again.cookies.get(ConsoleClientNames.SESSION), "a new id at every sign-in");
        HttpResponse<String> page = again.get("/nsa/" + fixture.alias + "/console");
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("default-src 'none'") && policy.contains("frame-ancestors 'none'") && !policy.contains("script-src"), policy);
        assertFalse(page.body().contains("<script"), "no script at all");
    }

    @Test
    void malformedFormsAreTheConsolesOwn400() throws Exception {
        ConsoleFixture fixture = tenant();
        ConsoleClient browser = new ConsoleClient(first);
        browser.get("/nsa/" + fixture.alias);
        java.net.http.HttpResponse<String> broken = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        first.uri("/nsa/" + fixture.alias + "/sign-in")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "gatekey_form=" + browser.csrf).POST(java.net.http.HttpRequest.BodyPublishers.ofString("csrf=" + browser.csrf
                        + "&loginId=%ZZ")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, broken.statusCode(), broken.body());
        assertTrue(broken.body().contains("Not understood"), broken.body());
        java.net.http.HttpResponse<String> json = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        first.uri("/nsa/" + fixture.alias + "/sign-in")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"loginId\":\"alice\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, json.statusCode(), json.body());
        assertTrue(json.body().startsWith("<!DOCTYPE html>"), json.body());
    }

    @Test
    void aSessionEndsAfterFifteenIdleMinutes() {
        ConsoleFixture fixture = tenant();
        ConsoleClient browser = signedIn(fixture, first);
        CLOCK.advance(Duration.ofMinutes(14));
        assertEquals(200, browser.get("/nsa/" + fixture.alias + "/console").statusCode());
        CLOCK.advance(Duration.ofMinutes(14));
        assertEquals(200, browser.get("/nsa/" + fixture.alias + "/console").statusCode(), "each request starts the idle time again");
        CLOCK.advance(Duration.ofMinutes(15));
        HttpResponse<String> expired = browser.get("/nsa/" + fixture.alias + "/console");
        assertEquals(303, expired.statusCode());
        assertEquals("/nsa/" + fixture.alias, ConsoleClient.location(expired).getPath());
    }

    @Test
    void aSessionBegunOnOneNodeHoldsOnTheOtherAndSignOutEndsItOnBoth() {
        ConsoleFixture fixture = tenant();
        ConsoleClient browser = signedIn(fixture, first);
        HttpResponse<String> onSecond = browser.on(second).get("/nsa/" + fixture.alias + "/console");
        assertEquals(200, onSecond.statusCode());
        assertTrue(onSecond.body().contains("Signed in as"), onSecond.body());
        String token = browser.cookies.get(ConsoleClientNames.SESSION);
        assertEquals(303, browser.post("/nsa/" + fixture.alias + "/sign-out").statusCode());
        ConsoleClient replay = new ConsoleClient(first);
        replay.cookies.put(ConsoleClientNames.SESSION, token);
        HttpResponse<String> afterSignOut = replay.get("/nsa/" + fixture.alias + "/console");
        assertEquals(303, afterSignOut.statusCode(), "signed out on the second node, gone on the first");
    }

    @Test
    void unknownAliasesUsersAndWrongPasswordsGetOneAnswer() throws Exception {
        ConsoleFixture fixture = tenant();
        String[][] attempts = {{"nosuchalias", "alice", ConsoleFixture.PASSWORD}, {fixture.alias, "nobody", ConsoleFixture.PASSWORD},
                {fixture.alias, "alice", "Wr0ng-Horse!"}};
        String body = null;
        for (String[] attempt : attempts) {
            ConsoleClient browser = new ConsoleClient(first);
            HttpResponse<String> refused = browser.signIn(attempt[0], attempt[1], attempt[2]);
            assertEquals(401, refused.statusCode());
            String page = refused.body().replaceAll("value=\"[^\"]*\"", "").replace(attempt[0], "ALIAS");
            if (body != null) {
                assertEquals(body, page);
            }
            body = page;
            assertFalse(browser.cookies.containsKey(ConsoleClientNames.SESSION));
        }
        String metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(first.managementUri("/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(metrics.contains("gatekey_console_sign_ins_total{outcome=\"refused\"}"), metrics);
    }

    @Test
    void underTlsTheSessionCookieIsSecure() throws Exception {
        try (TestServer tls = TestServer.on("h2", Map.of("micronaut.server.ssl.enabled", true, "micronaut.server.ssl.build-self-signed", true,
                "micronaut.server.ssl.port", -1))) {
            ConsoleFixture fixture = new ConsoleFixture(tls, "Secure Corp", "securecorp", false, false);
            tls.clock.advance(Duration.ofSeconds(30));
            ConsoleClient browser = new ConsoleClient(tls, java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                    .sslContext(TlsTest.trusting(null)).build());
            HttpResponse<String> signedIn = browser.signIn(fixture.alias, "alice", ConsoleFixture.PASSWORD);
            assertEquals(303, signedIn.statusCode(), signedIn.body());
            String line = browser.setCookies.stream().filter(c -> c.startsWith(ConsoleClientNames.SESSION + "=")).findFirst().orElseThrow();
            assertTrue(line.toLowerCase().contains("; secure"), line);
            assertTrue(line.toLowerCase().contains("httponly") && line.contains("SameSite=Strict"), line);
        }
    }

    @Test
    void behindAProxyThatEndsTlsTheCookiesAreMarkedSecureByConfiguration() {
        try (TestServer proxied = TestServer.on("h2", Map.of("gatekey.console.secure-cookies", true))) {
            ConsoleFixture fixture = new ConsoleFixture(proxied, "Proxied Corp", "proxiedcorp", false, false);
            proxied.clock.advance(Duration.ofSeconds(30));
            ConsoleClient browser = new ConsoleClient(proxied);
            browser.get("/nsa/" + fixture.alias);
            assertTrue(browser.setCookies.get(0).toLowerCase().contains("; secure"), browser.setCookies.toString());
            browser.post("/nsa/" + fixture.alias + "/sign-in", "loginId", "alice", "password", ConsoleFixture.PASSWORD);
            String line = browser.setCookies.stream().filter(c -> c.startsWith(ConsoleClientNames.SESSION + "=")).findFirst().orElseThrow();
            assertTrue(line.toLowerCase().contains("; secure"), line);
        }
    }

    @Test
    void theSignedInUserManagesItsKeysAndDevices() {
        ConsoleFixture fixture = tenant();
        String base = "/nsa/" + fixture.alias;
        ConsoleClient browser = signedIn(fixture, first);
        browser.get(base + "/console");

        // A second key, its secret shown once; it signs at the NCP door until it is deactivated.
        HttpResponse<String> created = browser.post(base + "/console/keys");
        assertEquals(201, created.statusCode(), created.body());
        String accessKey = between(created.body(), "id=\"accessKey\" class=\"seed\" type=\"text\" value=\"", "\"");
        String secretKey = between(created.body(), "id=\"secretKey\" class=\"seed\" type=\"text\" value=\"", "\"");
        NcpClient key = new NcpClient(first, accessKey, secretKey);
        assertEquals(200, key.send("GET", "/api/v1/credentials", null).statusCode());
        browser.get(base + "/console");
        HttpResponse<String> third = browser.post(base + "/console/keys");
        assertEquals(409, third.statusCode());
        assertTrue(third.body().contains("two active access keys already"), third.body());
        HttpResponse<String> deactivated = browser.post(base + "/console/keys/deactivate", "accessKey", accessKey);
        assertEquals(200, deactivated.statusCode(), deactivated.body());
        assertEquals(401, key.send("GET", "/api/v1/credentials", null).statusCode());
        HttpResponse<String> notMine = browser.post(base + "/console/keys/deactivate", "accessKey", "GKAKAAAAAAAAAAAAAAAA");
        assertEquals(404, notMine.statusCode());
        HttpResponse<String> notAKey = browser.post(base + "/console/keys/deactivate", "accessKey", "not a key");
        assertEquals(400, notAKey.statusCode());
        assertTrue(notAKey.body().contains("Signed in as"), "the console's own page: " + notAKey.body());
        HttpResponse<String> badDuration = browser.post(base + "/console/credentials", "durationSec", "an hour", "code", "123456");
        assertEquals(400, badDuration.statusCode());
        assertTrue(badDuration.body().contains("durationSec must be a whole number of seconds"), badDuration.body());
        HttpResponse<String> tooLong = browser.post(base + "/console/credentials", "durationSec", "99999", "code", "123456");
        assertEquals(400, tooLong.statusCode());
        HttpResponse<String> badSerial = browser.post(base + "/console/devices/resync", "serialNumber", "x", "code1", "1", "code2", "2");
        assertEquals(400, badSerial.statusCode(), badSerial.body());

        // Resync with two consecutive codes; removal needs a fresh code, and a wrong one removes nothing.
        HttpResponse<String> resynced = browser.post(base + "/console/devices/resync", "serialNumber", fixture.tenant.serial.value(),
                "code1", fixture.tenant.code(0), "code2", fixture.tenant.code(1));
        assertTrue(resynced.body().contains("in step again"), resynced.body());
        CLOCK.advance(Duration.ofSeconds(90));
        HttpResponse<String> wrong = browser.post(base + "/console/devices/remove", "serialNumber", fixture.tenant.serial.value(), "code", "000000");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains(fixture.tenant.serial.value()), "the device is still listed");
        HttpResponse<String> removed = browser.post(base + "/console/devices/remove", "serialNumber", fixture.tenant.serial.value(),
                "code", fixture.tenant.code(0));
        assertEquals(200, removed.statusCode(), removed.body());
        assertTrue(removed.body().contains("The device was removed.") && !removed.body().contains(fixture.tenant.serial.value()), removed.body());

        // A new device from the console: QR code and seed, enabled with two codes.
        HttpResponse<String> enrolling = browser.post(base + "/console/devices");
        assertEquals(200, enrolling.statusCode(), enrolling.body());
        assertTrue(enrolling.body().contains("src=\"data:image/png;base64,"));
        io.gatekey.domain.mfa.TotpSeed seed = io.gatekey.domain.mfa.TotpSeed.fromBase32(between(enrolling.body(), "id=\"seed\" class=\"seed\" type=\"text\" value=\"", "\""));
        String serial = between(enrolling.body(), "name=\"serialNumber\" value=\"", "\"");
        long step = io.gatekey.domain.mfa.Totp.stepAt(CLOCK.instant(), 30);
        HttpResponse<String> enabled = browser.post(base + "/console/devices/enable", "serialNumber", serial,
                "code1", io.gatekey.domain.mfa.Totp.code(seed, io.gatekey.domain.mfa.TotpParameters.DEFAULT, step - 1),
                "code2", io.gatekey.domain.mfa.Totp.code(seed, io.gatekey.domain.mfa.TotpParameters.DEFAULT, step));
        assertEquals(303, enabled.statusCode(), enabled.body());
        HttpResponse<String> home = browser.get(base + "/console");
        assertTrue(home.body().contains(serial) && home.body().contains("virtual, enabled"), home.body());
    }

    private static String between(String text, String before, String after) {
        int start = text.indexOf(before);
        assertTrue(start >= 0, before + " not in " + text);
        start += before.length();
        return text.substring(start, text.indexOf(after, start));
    }
}
