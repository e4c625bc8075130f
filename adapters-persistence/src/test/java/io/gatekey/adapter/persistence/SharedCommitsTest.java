package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.application.testing.World;
import io.gatekey.domain.audit.AuditChainCheck;
import io.gatekey.domain.audit.AuditEventType;
import io.gatekey.domain.credential.DurationPolicy;
import io.gatekey.domain.signature.RequestNonce;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionCallback;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Issuances share commits, with a code or without. Each test holds the audit chains' head rows from a connection of its
 * own, so the first two batches (two committers) wait at them while the other issuances queue; released, the queued
 * ones commit in one batch.
 */
class SharedCommitsTest {

    private static final int ISSUANCES = 12;

    @Test
    void concurrentIssuancesCommitTogetherInOneTransaction() throws Exception {
        try (TestStore store = pooled(3)) {
            World world = new World(store::ports);
            issue(world, "ncp:warm-up", 900);
            SharedCommits commits = store.context.getBean(SharedCommits.class);
            long before = commits.batches();

            List<IssueTemporaryCredentialsUseCase.Result> results = whileTheHeadIsHeld(store, n -> () -> issue(world, "ncp:" + n, 900));

            results.forEach(result -> assertInstanceOf(IssueTemporaryCredentialsUseCase.Issued.class, result));
            // At most three transactions for twelve issuances: the two batches under way while the head was held, then
            // all the rest together (fewer if more were queued before the first two began).
            long batches = commits.batches() - before;
            assertTrue(batches >= 1 && batches <= 3, batches + " batches");
            assertEquals(ISSUANCES + 1, store.count("SELECT COUNT(*) FROM temporary_credential"));
            assertEquals(ISSUANCES + 1, store.count("SELECT COUNT(*) FROM request_nonce"));
            assertEquals(ISSUANCES + 1, world.audit(AuditEventType.CREDENTIALS_ISSUED).size());
            assertWhole(world, ISSUANCES + 1);
        }
    }

    @Test
    void aReplayedNonceInABatchIsRefusedAloneAndTheOthersAreIssued() throws Exception {
        try (TestStore store = pooled(3)) {
            World world = new World(store::ports);
            issue(world, "ncp:used-before", 900);
            SharedCommits commits = store.context.getBean(SharedCommits.class);
            long batchesBefore = commits.batches();
            long sentBackBefore = commits.sentBack();

            // Two issuances present a nonce used before, two more share one: their batch finds its nonces short, looks
            // for the taken ones and is written again without the three at fault, which alone are replays. (The first
            // issuances, started first, usually go ahead in the two batches that wait at the head; a nonce presented
            // in both of them waits for the first to commit, and is found taken then.)
            List<IssueTemporaryCredentialsUseCase.Result> results = whileTheHeadIsHeld(store, n -> () -> issue(world,
                    n >= 10 ? "ncp:used-before" : n >= 8 ? "ncp:twice" : "ncp:" + n, 900));

            long issued = results.stream().filter(IssueTemporaryCredentialsUseCase.Issued.class::isInstance).count();
            long replayed = results.stream().filter(IssueTemporaryCredentialsUseCase.RequestReplayed.class::isInstance).count();
            assertEquals(ISSUANCES - 3, issued, "all but the replays, one of the twice-presented nonce's included");
            assertEquals(3, replayed);
            assertEquals(3, commits.sentBack() - sentBackBefore, "only the three at fault ran again alone");
            // Each batch that found nonces taken, written again without those holding them, and the batches that went ahead.
            long batches = commits.batches() - batchesBefore;
            assertTrue(batches >= 2 && batches <= 6, batches + " batches");
            assertEquals(1 + issued, store.count("SELECT COUNT(*) FROM temporary_credential"));
            assertEquals(1 + issued, world.audit(AuditEventType.CREDENTIALS_ISSUED).size());
            assertWhole(world, 1 + issued);
        }
    }

    @Test
    void aFailureAfterTheCredentialsInsertUndoesTheBatchAndFailsOnlyItsCause() throws Exception {
        try (TestStore store = pooled(3)) {
            World world = new World(store::ports);
            issue(world, "ncp:warm-up", 900);
            // The audit record of a 1,234 s credential fails, as a lost connection would after the credential's insert.
            store.execute("CREATE TRIGGER fail_one_audit_record BEFORE INSERT ON audit_event FOR EACH ROW "
                    + "IF NEW.detail LIKE 'lifetime 1234s%' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected failure'; END IF");

            List<Object> results = new ArrayList<>();
            for (IssueTemporaryCredentialsUseCase.Result result : whileTheHeadIsHeld(store, n -> () -> {
                try {
                    return issue(world, "ncp:" + n, n == 5 ? 1234 : 900);
                } catch (RuntimeException e) {
                    return null;
                }
            })) {
                results.add(result == null ? "failed" : result.getClass().getSimpleName());
            }

            List<Object> expected = new ArrayList<>();
            for (int n = 0; n < ISSUANCES; n++) {
                expected.add(n == 5 ? "failed" : "Issued");
            }
            assertEquals(expected, results);
            assertEquals(0, store.count("SELECT COUNT(*) FROM temporary_credential WHERE expires_ms - created_ms = 1234000"), "no credential of the failed one");
            assertEquals(ISSUANCES, store.count("SELECT COUNT(*) FROM temporary_credential"), "the warm-up's and the eleven others'");
            assertEquals(ISSUANCES, world.audit(AuditEventType.CREDENTIALS_ISSUED).size());
            // The failed request's signature was presented all the same: used up, as when the work fails alone.
            assertEquals(1, store.count("SELECT COUNT(*) FROM request_nonce WHERE nonce = 'ncp:5'"));
            assertInstanceOf(IssueTemporaryCredentialsUseCase.RequestReplayed.class, issue(world, "ncp:5", 900));
            assertWhole(world, ISSUANCES);
        }
    }

    @Test
    void codesForSeveralDevicesShareCommitsAndEachCodeIsJudgedOnTheDeviceAsItIs() throws Exception {
        try (TestStore store = pooled(3)) {
            World world = new World(store::ports);
            World.Device acme = world.acme.enrolledDevice("phone");
            World.Device globex = world.globex.enrolledDevice("phone");
            SharedCommits commits = store.context.getBean(SharedCommits.class);
            long before = commits.batches();
            long sentBackBefore = commits.sentBack();

            // Acme's good code three times (one wins; the others were judged on the device before it was claimed,
            // so their update misses, their batch is written again without them, and alone they are replays) and
            // three wrong codes; Globex's good code once and five wrong ones. One device's updates never share a batch.
            List<IssueTemporaryCredentialsUseCase.Result> results = whileTheHeadIsHeld(store, n -> () -> n % 2 == 0
                    ? world.acme.issueWithCode(acme, n < 6 ? acme.code(1) : wrong(acme))
                    : world.globex.issueWithCode(globex, n == 1 ? globex.code(1) : wrong(globex)));

            Map<String, Long> outcomes = new java.util.TreeMap<>();
            for (IssueTemporaryCredentialsUseCase.Result result : results) {
                String outcome = result instanceof IssueTemporaryCredentialsUseCase.MfaRejected rejected ? rejected.reason().name() : "ISSUED";
                outcomes.merge(outcome, 1L, Long::sum);
            }
            assertEquals(Map.of("ISSUED", 2L, "REPLAYED", 2L, "INVALID", 8L), outcomes);
            assertEquals(2, store.count("SELECT COUNT(*) FROM temporary_credential"));
            assertEquals(Long.toString(acme.currentStep() + 1), store.text("SELECT last_accepted_step FROM mfa_device WHERE serial_number = '"
                    + acme.serial.value() + "'"));
            assertEquals(8, world.audit(AuditEventType.MFA_CHECK_FAILED).size());
            assertEquals(2, world.audit(AuditEventType.MFA_CODE_REPLAYED).size());
            // A device's count holds the refusals (a replay is one) booked after its success, never more.
            assertTrue(failedAttempts(store, acme) <= 5, failedAttempts(store, acme) + " failures");
            assertTrue(failedAttempts(store, globex) <= 5, failedAttempts(store, globex) + " failures");
            // Acme's six updates need six batches, one after another (never two under way at once); Globex's ride
            // along or go beside them. An update judged on the device as it was before another's change misses: that
            // work alone runs again (at most each device's five after its first), and each miss costs its batch one
            // more write at most.
            long sentBack = commits.sentBack() - sentBackBefore;
            assertTrue(sentBack >= 2 && sentBack <= 10, sentBack + " sent back");
            long batches = commits.batches() - before;
            assertTrue(batches >= 6 && batches <= ISSUANCES + sentBack, batches + " batches");
            assertWhole(world, 12);
        }
    }

    @Test
    void aDeviceChangedSinceItsReadSendsBackOnlyTheWorkThatReadIt() throws Exception {
        // One committer: the other node's update must find the device free, not locked by a second batch under way
        // that waits at the heads this test holds.
        try (TestStore store = pooled(3, 1)) {
            World world = new World(store::ports);
            World.Device acme = world.acme.enrolledDevice("phone");
            issue(world, "ncp:warm-up", 900);
            SharedCommits commits = store.context.getBean(SharedCommits.class);
            long sentBackBefore = commits.sentBack();

            // Eleven issuances without a code and, queued last, a wrong code whose device another node counts a
            // failure on after the code was judged: that update misses; the batch is written again without it.
            int last = ISSUANCES - 1;
            List<IssueTemporaryCredentialsUseCase.Result> results = whileTheHeadIsHeld(store,
                    n -> () -> n == last ? world.acme.issueWithCode(acme, wrong(acme)) : issue(world, "ncp:" + n, 900),
                    () -> store.execute("UPDATE mfa_device SET failed_attempts = failed_attempts + 1 WHERE serial_number = '" + acme.serial.value() + "'"));

            for (int n = 0; n < last; n++) {
                assertInstanceOf(IssueTemporaryCredentialsUseCase.Issued.class, results.get(n));
            }
            IssueTemporaryCredentialsUseCase.MfaRejected rejected = assertInstanceOf(IssueTemporaryCredentialsUseCase.MfaRejected.class, results.get(last));
            assertEquals("INVALID", rejected.reason().name());
            assertEquals(1, commits.sentBack() - sentBackBefore, "only the wrong code ran again alone");
            assertEquals(2, failedAttempts(store, acme), "the other node's failure and this one, judged again on the device as it is");
            assertEquals(ISSUANCES, store.count("SELECT COUNT(*) FROM temporary_credential"));
            assertEquals(1, world.audit(AuditEventType.MFA_CHECK_FAILED).size());
            assertWhole(world, ISSUANCES + 1);
        }
    }

    @Test
    void twoBatchesGoAtOnceAndNeverBothUpdateOneDevice() throws Exception {
        // Two audit writers, so that each batch under way appends to a chain of its own, as on a node.
        try (TestStore store = TestStore.open(TestDatabases.newMariaDbDatabase(), Map.of("datasources.default.maximum-pool-size", 3,
                "datasources.default.minimum-idle", 3, "gatekey.audit.chains-per-node", 2))) {
            World world = new World(store::ports);
            World.Device acme = world.acme.enrolledDevice("phone");
            ExecutorService threads = Executors.newFixedThreadPool(ISSUANCES);
            try (Connection holder = holdingTheHeads(store)) {
                // A wrong code first: its batch counts the failure on the device, locking its row, and waits at the head.
                List<Future<IssueTemporaryCredentialsUseCase.Result>> futures = new ArrayList<>();
                futures.add(threads.submit(() -> world.acme.issueWithCode(acme, wrong(acme))));
                awaitLockWaits(holder, 1);
                // Then two more wrong codes for that device, queued, and issuances without a code: the second
                // committer's batch takes the issuances only, and waits at the head too, not at the device's row.
                SharedCommits commits = store.context.getBean(SharedCommits.class);
                for (int n = 1; n <= 2; n++) {
                    futures.add(threads.submit(() -> world.acme.issueWithCode(acme, wrong(acme))));
                }
                awaitWaiting(commits, 3);
                for (int n = 3; n < ISSUANCES; n++) {
                    int each = n;
                    futures.add(threads.submit(() -> issue(world, "ncp:" + each, 900)));
                }
                List<String> waiting = awaitLockWaits(holder, 2);
                assertEquals(2, waiting.size(), "two batches under way: " + waiting);
                waiting.forEach(query -> assertTrue(query.contains("audit_chain"), "waits at a head: " + query));
                holder.rollback();

                Map<String, Long> outcomes = new java.util.TreeMap<>();
                for (Future<IssueTemporaryCredentialsUseCase.Result> future : futures) {
                    IssueTemporaryCredentialsUseCase.Result result = future.get(30, TimeUnit.SECONDS);
                    outcomes.merge(result instanceof IssueTemporaryCredentialsUseCase.MfaRejected rejected ? rejected.reason().name() : "ISSUED", 1L, Long::sum);
                }
                assertEquals(Map.of("ISSUED", 9L, "INVALID", 3L), outcomes);
                assertEquals(3, failedAttempts(store, acme));
                assertEquals(3, world.audit(AuditEventType.MFA_CHECK_FAILED).size());
                assertWhole(world, ISSUANCES);
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void aBatchTakesItsNoncesInKeyOrderSoThatCrossingReplaysWaitRatherThanDeadlock() throws Exception {
        try (TestStore store = pooled(4)) {
            World world = new World(store::ports);
            issue(world, "ncp:warm-up", 900);
            SharedCommits commits = store.context.getBean(SharedCommits.class);
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try (Connection holder = holdingTheHeads(store);
                 Connection replay = DriverManager.getConnection(store.database.url(), store.database.user(), store.database.password())) {
                // Two batches wait at the heads; behind them one batch gathers "ncp:z" and then "ncp:m".
                List<Future<IssueTemporaryCredentialsUseCase.Result>> futures = new ArrayList<>();
                for (String nonce : List.of("ncp:a", "ncp:b", "ncp:z", "ncp:m")) {
                    int queued = commits.waiting() + 1;
                    futures.add(threads.submit(() -> issue(world, nonce, 900)));
                    awaitWaiting(commits, queued);
                }
                assertEquals(2, awaitLockWaits(holder, 2).size());
                // Another node presents "ncp:m" and "ncp:z" too, in that order, in a transaction of its own.
                replay.setAutoCommit(false);
                insertNonce(replay, world, "ncp:m");
                long deadlocksBefore = deadlocks(store);
                holder.rollback();
                // The batch behind inserts "ncp:m" first, and waits for the other node; "ncp:z" is still free for it.
                awaitStatement(holder, "INSERT IGNORE INTO request_nonce");
                insertNonce(replay, world, "ncp:z");
                replay.commit();

                List<String> outcomes = new ArrayList<>();
                for (Future<IssueTemporaryCredentialsUseCase.Result> future : futures) {
                    outcomes.add(future.get(30, TimeUnit.SECONDS).getClass().getSimpleName());
                }
                assertEquals(List.of("Issued", "Issued", "RequestReplayed", "RequestReplayed"), outcomes);
                assertEquals(0, deadlocks(store) - deadlocksBefore, "in key order one waited for the other; taken as gathered, each would have waited for the other");
                assertWhole(world, 3);
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void aBatchWhoseCommitsAnswerIsLostIsNotRunAgainButOneThatFailedBeforeIs() {
        try (TestStore store = pooled(2)) {
            @SuppressWarnings("unchecked")
            TransactionOperations<Connection> real = store.context.getBean(TransactionOperations.class);
            JdbcAuditLog auditLog = store.context.getBean(JdbcAuditLog.class);
            // The connection goes as the commit is asked for: the commit reached the database, its answer did not.
            SharedCommits answerLost = new SharedCommits(new LosingConnection(real, true), auditLog, 1);
            SharedWrites committed = nonceWrites("ncp:answer-lost");
            assertEquals(false, answerLost.commit(committed));
            assertTrue(committed.lost(), "answered unavailable, not run again (it would find its own nonce: a replay)");
            assertEquals(1, store.count("SELECT COUNT(*) FROM request_nonce WHERE nonce = 'ncp:answer-lost'"));
            // The connection goes before the commit (here, before the first statement): nothing was written, and the
            // work runs again alone.
            SharedCommits goneBefore = new SharedCommits(new LosingConnection(real, false), auditLog, 1);
            SharedWrites rolledBack = nonceWrites("ncp:gone-before");
            assertEquals(false, goneBefore.commit(rolledBack));
            assertEquals(false, rolledBack.lost());
            assertEquals(0, store.count("SELECT COUNT(*) FROM request_nonce WHERE nonce = 'ncp:gone-before'"));
        }
    }

    private static SharedWrites nonceWrites(String nonce) {
        SharedWrites writes = new SharedWrites();
        writes.add(JdbcRequestNonceRegistry.INSERT_NEW, new Object[] {"GKAKLOSTLOSTLOSTLOST", nonce, System.currentTimeMillis() + 300_000});
        return writes;
    }

    /** Transactions whose connection is lost: after the work's commit ({@code afterCommit}), or before the work began. */
    private record LosingConnection(TransactionOperations<Connection> real, boolean afterCommit) implements TransactionOperations<Connection> {

        @Override
        public Connection getConnection() {
            return real.getConnection();
        }

        @Override
        public boolean hasConnection() {
            return real.hasConnection();
        }

        @Override
        public Optional<? extends TransactionStatus<?>> findTransactionStatus() {
            return real.findTransactionStatus();
        }

        @Override
        public <R> R execute(TransactionDefinition definition, TransactionCallback<Connection, R> callback) {
            RuntimeException lost = new DataAccessException("lost", new java.sql.SQLNonTransientConnectionException("socket closed", "08000"));
            if (afterCommit) {
                real.execute(definition, callback);
            }
            throw lost;
        }
    }

    private static void insertNonce(Connection connection, World world, String nonce) throws SQLException {
        try (java.sql.PreparedStatement insert = connection.prepareStatement("INSERT INTO request_nonce (access_key_id, nonce, expires_ms) VALUES (?, ?, ?)")) {
            insert.setString(1, world.acme.userKey.id().value());
            insert.setString(2, nonce);
            insert.setLong(3, world.clock.instant().plusSeconds(300).toEpochMilli());
            insert.executeUpdate();
        }
    }

    private static long deadlocks(TestStore store) {
        return Long.parseLong(store.text("SELECT variable_value FROM information_schema.global_status WHERE variable_name = 'INNODB_DEADLOCKS'"));
    }

    /** Waits (up to 10 s) until this much work is queued or in a batch. */
    private static void awaitWaiting(SharedCommits commits, int work) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (commits.waiting() < work && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    /** Waits (up to 10 s) until a statement starting with {@code start} is under way on the test's database. */
    private static void awaitStatement(Connection watcher, String start) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (statementsUnderWay(watcher).stream().noneMatch(query -> query.startsWith(start))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no statement like " + start + " under way");
            }
            Thread.sleep(5);
        }
    }

    /** The statements under way on the test's database, the watcher's own left out. */
    private static List<String> statementsUnderWay(Connection watcher) throws SQLException {
        List<String> queries = new ArrayList<>();
        try (Statement statement = watcher.createStatement();
             java.sql.ResultSet rows = statement.executeQuery("SELECT info FROM information_schema.processlist "
                     + "WHERE db = DATABASE() AND id <> CONNECTION_ID() AND command = 'Query' AND info IS NOT NULL")) {
            while (rows.next()) {
                queries.add(rows.getString(1));
            }
        }
        return queries;
    }

    /**
     * The statements under way on the test's database that wait for the holder (at the heads) or for a batch under way
     * (at a device's row), once {@code count} wait at the heads or one at a device (or after 10 s, those there are).
     */
    private static List<String> awaitLockWaits(Connection holder, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            List<String> queries = statementsUnderWay(holder).stream()
                    .filter(query -> query.contains("audit_chain") || query.startsWith("UPDATE mfa_device")).toList();
            long atHeads = queries.stream().filter(query -> query.contains("audit_chain")).count();
            if (atHeads >= count || atHeads < queries.size() || System.nanoTime() > deadline) {
                return queries;
            }
            Thread.sleep(5);
        }
    }

    private static int failedAttempts(TestStore store, World.Device device) {
        return store.count("SELECT failed_attempts FROM mfa_device WHERE serial_number = '" + device.serial.value() + "'");
    }

    private static String wrong(World.Device device) {
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (!List.of(device.code(-1), device.code(0), device.code(1), device.code(2)).contains(code)) {
                return code;
            }
        }
    }

    @Test
    void workThatDoesMoreThanAddRowsRunsInATransactionOfItsOwn() {
        try (TestStore store = pooled(1)) {
            World world = new World(store::ports);
            List<String> ran = new ArrayList<>();
            assertThrows(IllegalStateException.class, () -> world.ports.transactions().inSharedTransaction(() -> {
                world.ports.transactions().afterCommit(() -> ran.add("rolled back"));
                world.ports.requestNonces().register(world.acme.userKey.id(), "ncp:read-then-fail", world.clock.instant(), world.clock.instant().plusSeconds(300));
                throw new IllegalStateException("boom");
            }));
            Map<String, Long> before = store.sessionCounters();
            String alias = world.ports.transactions().inSharedTransaction(() -> {
                world.ports.transactions().afterCommit(() -> ran.add("committed"));
                world.ports.requestNonces().register(world.acme.userKey.id(), "ncp:then-read", world.clock.instant(), world.clock.instant().plusSeconds(300));
                assertEquals(List.of(), ran, "not before the commit");
                return world.ports.accounts().find(world.acme.accountId).orElseThrow().name().value();
            });
            Map<String, Long> counted = TestStore.between(before, store.sessionCounters());

            assertEquals("Acme", alias);
            assertEquals(List.of("committed"), ran);
            assertEquals(0, store.count("SELECT COUNT(*) FROM request_nonce WHERE nonce = 'ncp:read-then-fail'"));
            assertEquals(1, store.count("SELECT COUNT(*) FROM request_nonce WHERE nonce = 'ncp:then-read'"));
            // The read stopped the gathering before anything was written: the work ran once, in its own transaction.
            assertEquals(1L, counted.get("com_commit"));
            assertEquals(1L, counted.get("com_insert"));
        }
    }

    /** A store with this many connections: one holds all statements, so the test can count them; three serve reads beside two shared commits. */
    private static TestStore pooled(int connections) {
        return pooled(connections, 2);
    }

    private static TestStore pooled(int connections, int committers) {
        return TestStore.open(TestDatabases.newMariaDbDatabase(), Map.of("datasources.default.maximum-pool-size", connections,
                "datasources.default.minimum-idle", connections, "gatekey.shared-commits.committers", committers));
    }

    private static IssueTemporaryCredentialsUseCase.Result issue(World world, String nonce, long seconds) {
        IssueTemporaryCredentialsUseCase.Command issue = IssueTemporaryCredentialsUseCase.Command.of(world.acme.userPrincipal, Optional.empty(),
                DurationPolicy.NCP, seconds, Optional.empty()).withoutTokenBinding();
        Instant until = world.clock.instant().plusSeconds(300);
        return world.useCases.issueTemporaryCredentials().issue(issue.withNonce(Optional.of(new RequestNonce(world.acme.userKey.id(), nonce, until))));
    }

    /**
     * Runs {@link #ISSUANCES} issuances at once while a connection of the test's own holds every audit chain head:
     * the first batch waits at its head, the others queue behind it; once all are waiting, the heads are let go.
     */
    private static List<IssueTemporaryCredentialsUseCase.Result> whileTheHeadIsHeld(
            TestStore store, IntFunction<java.util.concurrent.Callable<IssueTemporaryCredentialsUseCase.Result>> issuance) throws Exception {
        return whileTheHeadIsHeld(store, issuance, () -> { });
    }

    /** The same, with {@code beforeRelease} run once all wait, before the heads are let go. */
    private static List<IssueTemporaryCredentialsUseCase.Result> whileTheHeadIsHeld(TestStore store,
            IntFunction<java.util.concurrent.Callable<IssueTemporaryCredentialsUseCase.Result>> issuance, Runnable beforeRelease) throws Exception {
        SharedCommits commits = store.context.getBean(SharedCommits.class);
        ExecutorService threads = Executors.newFixedThreadPool(ISSUANCES);
        try (Connection holder = holdingTheHeads(store)) {
            List<Future<IssueTemporaryCredentialsUseCase.Result>> futures = new ArrayList<>();
            for (int n = 0; n < ISSUANCES; n++) {
                futures.add(threads.submit(issuance.apply(n)));
            }
            // Until all wait for a shared commit or are done; an issuance whose batch failed before reaching the head
            // runs again alone, and may wait at the head too, so after 10 s the heads are let go whatever the count.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (commits.waiting() + futures.stream().filter(Future::isDone).count() < ISSUANCES && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            beforeRelease.run();
            holder.rollback();
            List<IssueTemporaryCredentialsUseCase.Result> results = new ArrayList<>();
            for (Future<IssueTemporaryCredentialsUseCase.Result> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            threads.shutdownNow();
        }
    }

    /** A connection of the test's own that holds every audit chain head (and the gaps between them) until it rolls back. */
    private static Connection holdingTheHeads(TestStore store) throws SQLException {
        Connection holder = DriverManager.getConnection(store.database.url(), store.database.user(), store.database.password());
        holder.setAutoCommit(false);
        try (Statement statement = holder.createStatement()) {
            statement.executeQuery("SELECT * FROM audit_chain FOR UPDATE").close();
        }
        return holder;
    }

    private static void assertWhole(World world, long events) {
        AuditChainCheck.Result check = world.useCases.verifyAuditTrail().verify(world.operator);
        assertEquals(Optional.empty(), check.broken());
        assertTrue(check.events() >= events, check.events() + " events");
    }
}
