package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.port.in.accesskey.CreateAccessKeyUseCase;
import io.gatekey.application.port.in.account.CreateAccountUseCase;
import io.gatekey.application.port.in.account.SetLoginAliasUseCase;
import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.application.port.in.account.CreateSubAccountUseCase;
import io.gatekey.application.port.in.mfa.CreateMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.DeleteMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.DisableMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.EnableMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.ResyncMfaDeviceUseCase;
import io.gatekey.application.port.out.AccessKeyRepository;
import io.gatekey.application.service.GatekeyServices;
import io.gatekey.application.service.GatekeySettings;
import io.gatekey.application.testing.World;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.accesskey.KeyOwner;
import io.gatekey.domain.accesskey.KeyUse;
import io.gatekey.domain.account.AccountName;
import io.gatekey.domain.account.LoginAlias;
import io.gatekey.domain.account.SubAccountName;
import io.gatekey.domain.mfa.MfaDeviceName;
import io.gatekey.domain.credential.DurationPolicy;
import io.gatekey.domain.mfa.LockoutPolicy;
import io.gatekey.domain.mfa.MfaCheck;
import io.gatekey.domain.mfa.MfaDeviceType;
import io.gatekey.domain.shared.ConflictException;
import io.gatekey.domain.shared.GatekeyException;
import io.gatekey.domain.shared.NotFoundException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two server nodes, each with its own connection pool and its own database connection, racing on every write
 * path at once: each race has exactly the winners the rules allow, and every loser gets the refusal that says
 * why, never a storage error.
 */
abstract class TwoNodesContract {

    private TestStore storeA;
    private TestStore storeB;
    private World world;
    private List<GatekeyServices> nodes;
    private List<TestDatabases.Database> databases;

    /** The two nodes' connection descriptions for one fresh database (the same on one server, one per cluster node). */
    abstract List<TestDatabases.Database> newDatabase();

    @BeforeEach
    void startNodes() {
        List<TestDatabases.Database> database = newDatabase();
        databases = database;
        storeA = TestStore.open(database.get(0), Map.of());
        storeB = TestStore.open(database.get(1), Map.of());
        world = new World(storeA::ports);
        nodes = List.of(world.useCases, new GatekeyServices(storeB.ports(world.clock), GatekeySettings.DEFAULT));
    }

    @AfterEach
    void stopNodes() {
        try {
            // Whatever the race, each node's appends took their own places: both nodes find every chain whole.
            for (GatekeyServices node : nodes) {
                var result = node.verifyAuditTrail().verify(world.operator);
                assertEquals(Optional.empty(), result.broken());
                assertEquals(storeA.count("SELECT COUNT(*) FROM audit_event"), result.events());
            }
        } finally {
            storeB.close();
            storeA.close();
        }
    }

    /** What one racer got: a result or a refusal. */
    record Outcome<T>(T value, Throwable error) {
        boolean succeeded() {
            return error == null;
        }
    }

    /** Runs {@code perNode} calls on each node at the same moment and returns every outcome. */
    private <T> List<Outcome<T>> race(int perNode, Function<GatekeyServices, T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2 * perNode);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (GatekeyServices node : nodes) {
                for (int i = 0; i < perNode; i++) {
                    Callable<T> racer = () -> {
                        start.await();
                        return call.apply(node);
                    };
                    futures.add(pool.submit(racer));
                }
            }
            // A race that has not ended within 10 s is stuck somewhere: what each database node and each racer was
            // doing then is printed, so a rare hang says where it hung.
            ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
            watchdog.schedule(this::reportStuckRace, 10, TimeUnit.SECONDS);
            start.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            try {
                for (Future<T> future : futures) {
                    try {
                        outcomes.add(new Outcome<>(future.get(120, TimeUnit.SECONDS), null));
                    } catch (ExecutionException e) {
                        // Only the domain's refusals are answers; anything else (a storage error) fails the race.
                        assertInstanceOf(GatekeyException.class, e.getCause(), () -> "not a refusal: " + e.getCause());
                        outcomes.add(new Outcome<>(null, e.getCause()));
                    }
                }
            } finally {
                watchdog.shutdownNow();
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private void reportStuckRace() {
        StringBuilder report = new StringBuilder("A race still running after 10 s:\n");
        for (TestDatabases.Database database : databases) {
            report.append("== ").append(database.url()).append('\n');
            try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                 Statement statement = connection.createStatement()) {
                try (ResultSet rows = statement.executeQuery("SHOW FULL PROCESSLIST")) {
                    while (rows.next()) {
                        report.append(rows.getString("Id")).append(' ').append(rows.getString("Command")).append(' ').append(rows.getString("Time"))
                                .append("s ").append(rows.getString("State")).append(" | ").append(rows.getString("Info")).append('\n');
                    }
                }
                try (ResultSet rows = statement.executeQuery("SHOW STATUS WHERE Variable_name IN ('wsrep_last_committed', "
                        + "'wsrep_local_recv_queue', 'wsrep_local_send_queue', 'wsrep_flow_control_paused', 'wsrep_local_state_comment')")) {
                    while (rows.next()) {
                        report.append(rows.getString(1)).append('=').append(rows.getString(2)).append(' ');
                    }
                    report.append('\n');
                }
                try (ResultSet rows = statement.executeQuery("SHOW ENGINE INNODB STATUS")) {
                    if (rows.next()) {
                        String status = rows.getString("Status");
                        int transactions = status.indexOf("TRANSACTIONS");
                        report.append(transactions >= 0 ? status.substring(transactions) : status).append('\n');
                    }
                }
            } catch (SQLException e) {
                report.append("could not read it: ").append(e).append('\n');
            }
        }
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().startsWith("pool-")) {
                report.append("-- ").append(thread.getName()).append(' ').append(thread.getState()).append('\n');
                for (StackTraceElement frame : stack) {
                    if (frame.getClassName().startsWith("io.gatekey") || frame.getClassName().startsWith("org.mariadb") || frame.getClassName().startsWith("java.util.concurrent")) {
                        report.append("     at ").append(frame).append('\n');
                    }
                }
            }
        });
        System.err.println(report);
    }

    /** One racer succeeded; every other was refused with the given conflict. */
    private static void assertOneWinnerAndTheRest(List<? extends Outcome<?>> outcomes, ConflictException.Conflict conflict) {
        assertEquals(1, outcomes.stream().filter(Outcome::succeeded).count());
        for (Outcome<?> outcome : outcomes) {
            if (!outcome.succeeded()) {
                assertEquals(conflict, assertInstanceOf(ConflictException.class, outcome.error()).conflict());
            }
        }
    }

    private IssueTemporaryCredentialsUseCase.Result issue(GatekeyServices node, World.Device device, String code) {
        Optional<IssueTemporaryCredentialsUseCase.MfaPresentation> mfa = Optional.ofNullable(code)
                .map(c -> new IssueTemporaryCredentialsUseCase.MfaPresentation(Optional.of(device.serial), MfaDeviceType.VIRTUAL, c));
        return node.issueTemporaryCredentials().issue(IssueTemporaryCredentialsUseCase.Command.of(
                world.acme.userPrincipal, Optional.empty(), DurationPolicy.NCP, null, mfa).withoutTokenBinding());
    }

    @Test
    void oneCodeWinsOnceAndEveryLoserIsAnMfaRefusal() throws Exception {
        World.Device device = world.acme.enrolledDevice("phone");
        String code = device.code(1);
        List<Outcome<IssueTemporaryCredentialsUseCase.Result>> outcomes = race(12, node -> issue(node, device, code));
        int issued = 0;
        for (Outcome<IssueTemporaryCredentialsUseCase.Result> outcome : outcomes) {
            if (outcome.value() instanceof IssueTemporaryCredentialsUseCase.Issued) {
                issued++;
            } else {
                MfaCheck.Reason reason = assertInstanceOf(IssueTemporaryCredentialsUseCase.MfaRejected.class, outcome.value()).reason();
                // Losers are replays; after ten of them the device locks and later ones meet the lock.
                assertTrue(reason == MfaCheck.Reason.REPLAYED || reason == MfaCheck.Reason.LOCKED, reason.name());
            }
        }
        assertEquals(1, issued);
    }

    @Test
    void wrongCodesOnBothNodesAreJudgedNoMoreThanTheLockoutAllows() throws Exception {
        World.Device device = world.acme.enrolledDevice("phone");
        String wrong = "000000".equals(device.code(0)) ? "111111" : "000000";
        List<Outcome<IssueTemporaryCredentialsUseCase.Result>> outcomes = race(12, node -> issue(node, device, wrong));
        long invalid = outcomes.stream().filter(o -> reason(o) == MfaCheck.Reason.INVALID).count();
        long locked = outcomes.stream().filter(o -> reason(o) == MfaCheck.Reason.LOCKED).count();
        assertEquals(LockoutPolicy.DEFAULT.maxFailures(), invalid);
        assertEquals(outcomes.size() - LockoutPolicy.DEFAULT.maxFailures(), locked);
    }

    private static MfaCheck.Reason reason(Outcome<IssueTemporaryCredentialsUseCase.Result> outcome) {
        return ((IssueTemporaryCredentialsUseCase.MfaRejected) outcome.value()).reason();
    }

    @Test
    void issuancesWithoutMfaAllSucceed() throws Exception {
        World.Device device = world.acme.enrolledDevice("phone");
        List<Outcome<IssueTemporaryCredentialsUseCase.Result>> outcomes = race(20, node -> issue(node, device, null));
        assertEquals(40, outcomes.stream().filter(o -> o.value() instanceof IssueTemporaryCredentialsUseCase.Issued).count());
        assertEquals(40, storeB.context.getBean(io.gatekey.application.port.out.TemporaryCredentialRepository.class)
                .listUnexpired(world.acme.user.id(), world.clock.instant()).size());
        // Each node's shared commits appended to its own chains: every chain checks, every issuance is in one.
        assertEquals(Optional.empty(), world.useCases.verifyAuditTrail().verify(world.operator).broken());
        assertEquals(40, world.audit(io.gatekey.domain.audit.AuditEventType.CREDENTIALS_ISSUED).size());
    }

    @Test
    void aDeviceIsEnabledOnce() throws Exception {
        World.Device device = world.acme.createdDevice("phone");
        String first = device.code(-1);
        String second = device.code(0);
        List<Outcome<MfaCheck>> outcomes = race(6, node -> node.enableMfaDevice().enable(
                new EnableMfaDeviceUseCase.Command(world.acme.userPrincipal, world.acme.user.id(), device.serial, first, second)));
        assertEquals(1, outcomes.stream().filter(o -> o.value() instanceof MfaCheck.Accepted).count());
    }

    @Test
    void aResyncWithTwoCodesWinsOnce() throws Exception {
        World.Device device = world.acme.enrolledDevice("phone");
        String first = device.code(1);
        String second = device.code(2);
        List<Outcome<MfaCheck>> outcomes = race(6, node -> node.resyncMfaDevice().resync(
                new ResyncMfaDeviceUseCase.Command(world.acme.userPrincipal, world.acme.user.id(), device.serial, first, second)));
        assertEquals(1, outcomes.stream().filter(o -> o.value() instanceof MfaCheck.Accepted).count());
        assertTrue(outcomes.stream().map(Outcome::value).filter(v -> v instanceof MfaCheck.Rejected)
                .map(v -> ((MfaCheck.Rejected) v).reason()).allMatch(r -> r == MfaCheck.Reason.REPLAYED || r == MfaCheck.Reason.LOCKED));
    }

    @Test
    void aDeviceIsDisabledOnce() throws Exception {
        World.Device device = world.acme.enrolledDevice("phone");
        List<Outcome<Boolean>> outcomes = race(6, node -> {
            node.disableMfaDevice().disable(new DisableMfaDeviceUseCase.Command(world.acme.admin, world.acme.user.id(), device.serial));
            return true;
        });
        assertOneWinnerAndTheRest(outcomes, ConflictException.Conflict.MFA_DEVICE_NOT_ENABLED);
    }

    @Test
    void aUserGetsOneVirtualDeviceHoweverManyAreCreatedAtOnce() throws Exception {
        List<Outcome<Boolean>> outcomes = race(4, node -> {
            node.createMfaDevice().create(new CreateMfaDeviceUseCase.Command(world.acme.admin, world.acme.user.id(),
                    new MfaDeviceName("phone-" + UUID.randomUUID().toString().substring(0, 8))));
            return true;
        });
        assertOneWinnerAndTheRest(outcomes, ConflictException.Conflict.MFA_DEVICE_LIMIT);
    }

    @Test
    void aSubAccountNameIsTakenOnce() throws Exception {
        List<Outcome<Boolean>> outcomes = race(6, node -> {
            node.createSubAccount().create(new CreateSubAccountUseCase.Command(world.acme.admin, world.acme.accountId, new SubAccountName("bob")));
            return true;
        });
        assertOneWinnerAndTheRest(outcomes, ConflictException.Conflict.SUB_ACCOUNT_NAME_TAKEN);
    }

    @Test
    void reSealingOnBothNodesAtOnceReSealsEachRowOnce() throws Exception {
        world.acme.enrolledDevice("phone");
        String both = TestStore.MASTER_KEY + ",2:Hx4dHBsaGRgXFhUUExIREA8ODQwLCgkIBwYFBAMCAQA=";
        try (TestStore rotatingA = TestStore.open(storeA.database, Map.of("gatekey.master-key", both));
             TestStore rotatingB = TestStore.open(storeB.database, Map.of("gatekey.master-key", both))) {
            int sealedUnderOne = storeA.rowsSealedUnder(1);
            assertTrue(sealedUnderOne >= 5, "keys and the seed: " + sealedUnderOne);
            List<Outcome<Integer>> outcomes = race(2, node -> (node == nodes.get(0) ? rotatingA : rotatingB)
                    .context.getBean(MasterKeyRotation.class).resealAll(2));
            assertEquals(sealedUnderOne, outcomes.stream().mapToInt(Outcome::value).sum());
            assertEquals(0, storeA.rowsSealedUnder(1));
            TestStore reader = TestStore.open(storeB.database, Map.of("gatekey.master-key", "2:Hx4dHBsaGRgXFhUUExIREA8ODQwLCgkIBwYFBAMCAQA="));
            try (reader) {
                assertEquals(world.acme.userKey.secret().reveal(),
                        reader.ports(world.clock).accessKeys().find(world.acme.userKey.id()).orElseThrow().secret().reveal());
            }
        }
    }


    @Test
    void aDeviceIsDeletedOnce() throws Exception {
        World.Device device = world.acme.createdDevice("phone");
        List<Outcome<Boolean>> outcomes = race(6, node -> {
            node.deleteMfaDevice().delete(new DeleteMfaDeviceUseCase.Command(world.acme.userPrincipal, world.acme.user.id(), device.serial));
            return true;
        });
        assertEquals(1, outcomes.stream().filter(Outcome::succeeded).count());
        assertTrue(outcomes.stream().filter(o -> !o.succeeded()).allMatch(o -> o.error() instanceof NotFoundException));
    }

    @Test
    void aLoginAliasGoesToOneAccount() throws Exception {
        List<Outcome<Boolean>> outcomes = race(6, node -> {
            var account = node.createAccount().create(new CreateAccountUseCase.Command(world.operator, new AccountName("Racer")));
            node.setLoginAlias().setLoginAlias(new SetLoginAliasUseCase.Command(world.operator, account.account().id(), new LoginAlias("racers")));
            return true;
        });
        assertOneWinnerAndTheRest(outcomes, ConflictException.Conflict.LOGIN_ALIAS_TAKEN);
    }

    @Test
    void aUserGetsNoMoreAccessKeysThanTheLimit() throws Exception {
        // The user holds one key already; of six racing for the second place, one gets it.
        List<Outcome<AccessKeyId>> outcomes = race(3, node -> node.createAccessKey().create(
                new CreateAccessKeyUseCase.Command(world.acme.admin, KeyOwner.subAccount(world.acme.accountId, world.acme.user.id()))).id());
        assertOneWinnerAndTheRest(outcomes, ConflictException.Conflict.ACCESS_KEY_LIMIT);
        assertEquals(2, world.useCases.listAccessKeys().list(new io.gatekey.application.port.in.accesskey.ListAccessKeysUseCase.Query(
                world.acme.admin, KeyOwner.subAccount(world.acme.accountId, world.acme.user.id()))).size());
    }

    @Test
    void iamsQuotaCountsTheInactiveKeyAndEveryRacersKey() throws Exception {
        // The user's one key is inactive, so both active places are free: under IAM's quota, of six racing for the
        // one key left, one gets it, however the places would have let two in.
        KeyOwner owner = KeyOwner.subAccount(world.acme.accountId, world.acme.user.id());
        world.useCases.deactivateAccessKey().deactivate(new io.gatekey.application.port.in.accesskey.DeactivateAccessKeyUseCase.Command(
                world.acme.admin, world.acme.userKey.id()));
        List<Outcome<AccessKeyId>> outcomes = race(3, node -> node.createAccessKey().create(
                new CreateAccessKeyUseCase.Command(world.acme.admin, owner, CreateAccessKeyUseCase.Quota.ALL_KEYS)).id());
        assertOneWinnerAndTheRest(outcomes, ConflictException.Conflict.ACCESS_KEY_QUOTA);
        assertEquals(2, world.useCases.listAccessKeys().list(new io.gatekey.application.port.in.accesskey.ListAccessKeysUseCase.Query(
                world.acme.admin, owner)).size());
    }

    @Test
    void aKeysUseOnEitherNodeReachesTheOtherWithinSecondsAndOnlyTheLaterOneStays() throws Exception {
        AccessKeyRepository keysA = storeA.ports(world.clock).accessKeys();
        AccessKeyRepository keysB = storeB.ports(world.clock).accessKeys();
        AccessKeyId user = world.acme.userKey.id();
        AccessKeyId admin = world.acme.adminKey.id();
        KeyUse earlier = new KeyUse(world.clock.instant().plusSeconds(1), Optional.of(KeyUse.Where.service("ncp")));
        KeyUse later = new KeyUse(world.clock.instant().plusSeconds(2), Optional.of(KeyUse.Where.scoped("sts", "eu-west-1")));
        keysA.recordUse(user, later);
        keysA.recordUse(admin, earlier);
        keysB.recordUse(user, earlier);
        // Each node writes its own uses behind, within a second; nothing here flushes them.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((!unwritten(storeA, user, admin).isEmpty() || !unwritten(storeB, user).isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(List.of(), unwritten(storeA, user, admin), "node A wrote its uses");
        assertEquals(List.of(), unwritten(storeB, user), "node B wrote its use");
        assertEquals(Optional.of(later), keysB.find(user).orElseThrow().lastUse(), "node B reads node A's later use");
        assertEquals(Optional.of(earlier), keysB.find(admin).orElseThrow().lastUse());
        assertEquals(Optional.of(later), keysA.find(user).orElseThrow().lastUse(), "node B's earlier use did not move it back");
    }

    private static List<KeyUse> unwritten(TestStore node, AccessKeyId... keys) {
        KeyLastUses uses = node.context.getBean(KeyLastUses.class);
        return java.util.Arrays.stream(keys).flatMap(key -> uses.unwritten(key.value()).stream()).toList();
    }

    @Test
    void aRequestNonceIsFreshOnce() throws Exception {
        io.gatekey.application.port.out.RequestNonceRegistry registryA = storeA.context.getBean(io.gatekey.application.port.out.RequestNonceRegistry.class);
        io.gatekey.application.port.out.RequestNonceRegistry registryB = storeB.context.getBean(io.gatekey.application.port.out.RequestNonceRegistry.class);
        List<Outcome<Boolean>> outcomes = race(10, node -> (node == nodes.get(0) ? registryA : registryB)
                .register(world.acme.userKey.id(), "nonce-1", world.clock.instant(), world.clock.instant().plus(Duration.ofMinutes(5))));
        assertEquals(1, outcomes.stream().filter(o -> Boolean.TRUE.equals(o.value())).count());
    }

    @Test
    void purgesOnBothNodesDeleteEachExpiredCredentialOnce() throws Exception {
        World.Device device = world.acme.enrolledDevice("phone");
        for (int i = 0; i < 30; i++) {
            issue(nodes.get(0), device, null);
        }
        world.clock.advance(Duration.ofDays(3));
        io.gatekey.application.port.out.TemporaryCredentialRepository repositoryA = storeA.context.getBean(
                io.gatekey.application.port.out.TemporaryCredentialRepository.class);
        io.gatekey.application.port.out.TemporaryCredentialRepository repositoryB = storeB.context.getBean(
                io.gatekey.application.port.out.TemporaryCredentialRepository.class);
        List<Outcome<Integer>> outcomes = race(3, node -> {
            int purged = 0;
            int batch;
            do {
                batch = (node == nodes.get(0) ? repositoryA : repositoryB).purgeExpired(world.clock.instant().minus(Duration.ofDays(1)), 4);
                purged += batch;
            } while (batch > 0);
            return purged;
        });
        assertEquals(30, outcomes.stream().mapToInt(Outcome::value).sum());
    }
}
