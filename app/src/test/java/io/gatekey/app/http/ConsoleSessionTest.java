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
    void unknownAliasesUsersAndWrongPasswordsGetOneAnswer() {
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
    }
}
