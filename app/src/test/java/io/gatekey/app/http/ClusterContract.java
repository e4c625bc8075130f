package io.gatekey.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.adapter.persistence.GaleraCluster;
import io.gatekey.adapter.persistence.SchemaMigrations;
import io.gatekey.adapter.persistence.TestDatabases;
import io.gatekey.application.port.in.mfa.UnlockMfaDeviceUseCase;
import io.gatekey.application.testing.MutableClock;
import io.gatekey.domain.access.Principal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A deployment as an operator runs it: one Gatekey node on each node of a Galera cluster, all started at the same
 * moment on an empty database, requests spread over them as a load balancer would. Every lost race is the door's
 * own refusal, never a 5xx, and whatever one node wrote, the next request on another node sees.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClusterContract {

    static final String MFA_FAILED = "{\"error\":{\"errorCode\":\"401\",\"message\":\"MultiFactorAuthentication failed with invalid MFA one time pass code\"}}";
    private static final Pattern TENCENT_CODE = Pattern.compile("\"code\":(\\d+)");

    final MutableClock clock = new MutableClock(Instant.now());
    GaleraCluster cluster;
    List<TestDatabases.Database> databases;
    List<TestServer> nodes;
    NcpFixture acme;

    abstract int size();

    /** The database each Gatekey node is configured with (its own cluster node, or a failover list starting there). */
    TestDatabases.Database databaseOf(int node) {
        return databases.get(node);
    }

    @BeforeAll
    void startDeployment() throws Exception {
        cluster = GaleraCluster.start(size());
        databases = cluster.newDatabase();
        ExecutorService starter = Executors.newFixedThreadPool(size());
        try {
            List<Future<TestServer>> started = new ArrayList<>();
            CountDownLatch together = new CountDownLatch(1);
            for (int i = 0; i < size(); i++) {
                TestDatabases.Database database = databaseOf(i);
                started.add(starter.submit(() -> {
                    together.await();
                    return new TestServer(database, Map.of("datasources.default.maximum-pool-size", 12), clock);
                }));
            }
            together.countDown();
            nodes = new ArrayList<>();
            for (Future<TestServer> node : started) {
                nodes.add(node.get(180, TimeUnit.SECONDS));
            }
        } finally {
            starter.shutdownNow();
        }
    }

    @AfterAll
    void stopDeployment() {
        if (nodes != null) {
            nodes.forEach(TestServer::close);
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void newTenant() {
        acme = new NcpFixture(nodes.get(0), "Acme " + UUID.randomUUID().toString().substring(0, 8));
    }

    NcpClient user(int node) {
        return new NcpClient(nodes.get(node % size()), acme.userKey.id().value(), acme.userKey.secret().reveal());
    }

    /** Runs {@code count} requests at the same moment, request {@code i} built by {@code request}, and returns the answers in order. */
    static <T> List<T> atOnce(int count, IntFunction<T> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<T> call = () -> {
                    start.await();
                    return request.apply(index);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get(180, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void nodesStartingTogetherMigratedTheSchemaOnceAndAllServe() throws Exception {
        try (Connection connection = DriverManager.getConnection(databases.get(size() - 1).url(), "root", "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version, COUNT(*), MIN(success) FROM flyway_schema_history "
                     + "WHERE version IS NOT NULL GROUP BY version ORDER BY CAST(version AS UNSIGNED)")) {
            Map<Integer, Integer> applied = new TreeMap<>();
            while (rs.next()) {
                assertTrue(rs.getBoolean(3), "migration " + rs.getString(1) + " failed");
                applied.put(Integer.parseInt(rs.getString(1)), rs.getInt(2));
            }
            Map<Integer, Integer> once = new TreeMap<>();
            for (int version = 0; version <= SchemaMigrations.LATEST_VERSION; version++) {
                once.put(version, 1);
            }
            assertEquals(once, applied, "each version once, the baseline (0) included");
        }
        for (TestServer node : nodes) {
            // Readiness is checked once a second (the first checks of nodes starting together may meet each other).
            long deadline = System.nanoTime() + 10_000_000_000L;
            HttpResponse<String> health;
            do {
                health = new NcpClient(node, "", "").raw("GET", "/health", null, null);
                if (health.statusCode() != 200) {
                    Thread.sleep(200);
                }
            } while (health.statusCode() != 200 && System.nanoTime() < deadline);
            assertEquals(200, health.statusCode());
            assertEquals("{\"status\":\"UP\"}", health.body());
        }
    }

    @Test
    void ofTwoHundredUsesOfOneCodeOverAllNodesOneWinsAndTheRestAreMfaRefusalsTwiceInARow() throws Exception {
        for (int round = 1; round <= 2; round++) {
            String body = "{\"serialNumber\":\"" + acme.serial + "\",\"tokenCode\":\"" + acme.code(1) + "\"}";
            List<HttpResponse<String>> answers = atOnce(200, i -> user(i).send("POST", "/api/v1/credentials", body));
            long accepted = answers.stream().filter(r -> r.statusCode() == 200).count();
            assertEquals(1, accepted, "round " + round);
            for (HttpResponse<String> answer : answers) {
                if (answer.statusCode() != 200) {
                    assertEquals(401, answer.statusCode(), "round " + round + ": " + answer.body());
                    assertEquals(MFA_FAILED, answer.body());
                }
            }
            // The refusals locked the device; the operator unlocks it, and the next round uses the next step's code.
            nodes.get(0).useCases.unlockMfaDevice().unlock(new UnlockMfaDeviceUseCase.Command(new Principal.Operator(), acme.serial));
            clock.advance(Duration.ofSeconds(30));
        }
    }

    @Test
    void oneTencentNonceSentToEveryNodeAtOnceIsAnsweredOnce() throws Exception {
        String nonce = Long.toString(System.nanoTime() % 1_000_000_000L + 1);
        String code = acme.code(1);
        List<TreeMap<String, String>> signed = new ArrayList<>();
        for (int node = 0; node < size(); node++) {
            // The same Nonce, Timestamp and code; signed for each node's own host.
            signed.add(new TencentClient(nodes.get(node), acme.userKey.id().value(), acme.userKey.secret().reveal(), null)
                    .signed(Map.of("tokenCode", code, "Nonce", nonce), "GET", "HmacSHA256"));
        }
        int perNode = 30;
        List<HttpResponse<String>> answers = atOnce(perNode * size(), i -> new TencentClient(nodes.get(i % size()), "", "", null)
                .send(TencentClient.Style.GET, signed.get(i % size())));
        List<Integer> codes = answers.stream().map(ClusterContract::tencentCode).toList();
        assertEquals(1, codes.stream().filter(c -> c / 100 != 45).count(), codes.toString());
        assertEquals(0, codes.stream().filter(c -> c / 100 != 45).findFirst().orElseThrow(), "the one answered request got credentials");
        assertTrue(answers.stream().allMatch(r -> r.statusCode() == 200), "Tencent answers in the body, with 200");
    }

    static int tencentCode(HttpResponse<String> response) {
        Matcher matcher = TENCENT_CODE.matcher(response.body());
        assertTrue(matcher.find(), response.body());
        return Integer.parseInt(matcher.group(1));
    }

    @Test
    void fourHundredIssuancesWithoutMfaOverAllNodesAllSucceedAndSignAtOnceOnTheNextNode() throws Exception {
        List<int[]> answers = atOnce(400, i -> {
            HttpResponse<String> issued = user(i).send("POST", "/api/v1/credentials", "{\"durationSec\":900}");
            if (issued.statusCode() != 200) {
                return new int[] {issued.statusCode(), 0};
            }
            Map<String, Object> credential = acme.json(issued.body());
            NcpClient temporary = new NcpClient(nodes.get((i + 1) % size()), (String) credential.get("accessKey"), (String) credential.get("keySecret"));
            return new int[] {200, temporary.send("GET", "/api/v1/credentials", null).statusCode()};
        });
        assertEquals(400, answers.stream().filter(a -> a[0] == 200).count(), "issued");
        assertEquals(400, answers.stream().filter(a -> a[1] == 200).count(), "signed on the next node at once");
        // Each node appended its own chain of the user's issuances; every node finds every chain whole.
        for (TestServer node : nodes) {
            var trail = node.useCases.verifyAuditTrail().verify(new io.gatekey.domain.access.Principal.Operator());
            assertEquals(java.util.Optional.empty(), trail.broken());
            assertTrue(trail.events() >= 400, trail.toString());
        }
    }

    @Test
    void aConsoleSessionMovesFromNodeToNodeAndOneCodeSentToEveryNodeAtOnceSignsInOnce() throws Exception {
        String alias = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ConsoleFixture console = new ConsoleFixture(acme, alias, false, false);
        clock.advance(Duration.ofSeconds(30));
        ConsoleClient browser = new ConsoleClient(nodes.get(0));
        java.net.http.HttpResponse<String> password = browser.signIn(alias, "alice", ConsoleFixture.PASSWORD);
        assertEquals("/nsa/" + alias + "/code", ConsoleClient.location(password).getPath());
        browser.on(nodes.get(1 % size())).get("/nsa/" + alias + "/code");
        String code = acme.code(0);
        List<ConsoleClient> copies = new ArrayList<>();
        for (int i = 0; i < 3 * size(); i++) {
            copies.add(browser.copyOn(nodes.get(i % size())));
        }
        List<java.net.http.HttpResponse<String>> answers = atOnce(copies.size(), i -> copies.get(i).post("/nsa/" + alias + "/code", "code", code));
        List<Integer> statuses = answers.stream().map(java.net.http.HttpResponse::statusCode).toList();
        assertTrue(statuses.stream().allMatch(status -> status < 500), statuses.toString());
        List<Integer> winners = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i).statusCode() == 303 && ConsoleClient.location(answers.get(i)).getPath().endsWith("/console")) {
                winners.add(i);
            }
        }
        assertEquals(1, winners.size(), statuses.toString());
        ConsoleClient signedIn = copies.get(winners.get(0));
        for (int node = 0; node < size(); node++) {
            assertEquals(200, signedIn.on(nodes.get(node)).get("/nsa/" + alias + "/console").statusCode(), "node " + node);
        }
        String token = signedIn.cookies.get(ConsoleClientNames.SESSION);
        assertEquals(303, signedIn.post("/nsa/" + alias + "/sign-out").statusCode());
        for (int node = 0; node < size(); node++) {
            ConsoleClient replay = new ConsoleClient(nodes.get(node));
            replay.cookies.put(ConsoleClientNames.SESSION, token);
            assertEquals(303, replay.get("/nsa/" + alias + "/console").statusCode(), "signed out, node " + node);
        }
    }

    @Test
    void aKeyDeactivatedOnOneNodeIsRefusedOnEveryNodeAtOnce() {
        for (int node = 0; node < size(); node++) {
            assertEquals(200, user(node).send("GET", "/api/v1/credentials", null).statusCode());
        }
        NcpClient admin = new NcpClient(nodes.get(0), acme.adminKey.id().value(), acme.adminKey.secret().reveal());
        HttpResponse<String> deactivated = admin.send("PUT", "/api/v1/sub-accounts/" + acme.user.id() + "/access-keys",
                "{\"accessKey\":\"" + acme.userKey.id() + "\",\"active\":false}");
        assertEquals(200, deactivated.statusCode(), deactivated.body());
        for (int node = 0; node < size(); node++) {
            assertEquals(401, user(node).send("GET", "/api/v1/credentials", null).statusCode(), "node " + node);
        }
    }
}
