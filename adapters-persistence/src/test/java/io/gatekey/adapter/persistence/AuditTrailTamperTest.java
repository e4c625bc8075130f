package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.testing.World;
import io.gatekey.domain.audit.AuditChainCheck;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The audit trail's chains against someone with SQL access: an edited, deleted or unlinked row, or a deleted
 * newest row, is found and named by the check; an untouched trail checks whole.
 */
class AuditTrailTamperTest {

    private static TestDatabases.Database fresh(String kind) {
        return kind.equals("h2") ? TestDatabases.newH2Database() : TestDatabases.newMariaDbDatabase();
    }

    /** A trail with several events per chain: accounts, users, keys, a device, issuances. */
    private static World busyWorld(TestStore store) {
        World world = new World(store::ports);
        World.Device device = world.acme.enrolledDevice("phone");
        for (int i = 1; i <= 3; i++) {
            world.clock.advance(java.time.Duration.ofSeconds(30));
            world.acme.issueWithCode(device, device.code(0));
        }
        return world;
    }

    private static AuditChainCheck.Result verify(World world) {
        return world.useCases.verifyAuditTrail().verify(world.operator);
    }

    /** The id and seq of the n-th event (from 1) of the acme user's chain. */
    private static long[] userEvent(TestStore store, World world, int n) {
        long id = store.count("SELECT id FROM audit_event WHERE chain_key LIKE 'user:" + world.acme.user.id().value() + "@%' AND chain_seq = " + n);
        return new long[] {id, n};
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void anUntouchedTrailChecksWhole(String kind) {
        try (TestStore store = TestStore.open(fresh(kind), Map.of())) {
            World world = busyWorld(store);
            AuditChainCheck.Result result = verify(world);
            assertEquals(Optional.empty(), result.broken());
            assertEquals(store.count("SELECT COUNT(*) FROM audit_event"), result.events());
            assertEquals(store.count("SELECT COUNT(*) FROM audit_chain"), result.chains());
            assertTrue(result.chains() >= 4, "two accounts and two users at least: " + result);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void anUpdatedRowIsNamed(String kind) {
        try (TestStore store = TestStore.open(fresh(kind), Map.of())) {
            World world = busyWorld(store);
            long[] second = userEvent(store, world, 2);
            store.execute("UPDATE audit_event SET detail = 'nothing happened' WHERE id = " + second[0]);
            AuditChainCheck.Broken broken = verify(world).broken().orElseThrow();
            assertEquals(second[0], broken.eventId());
            assertEquals(2, broken.seq());
            assertEquals("its content does not match its hash: the event was changed", broken.reason());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void aDeletedRowIsNamedByTheEventAfterIt(String kind) {
        try (TestStore store = TestStore.open(fresh(kind), Map.of())) {
            World world = busyWorld(store);
            long[] second = userEvent(store, world, 2);
            long[] third = userEvent(store, world, 3);
            store.execute("DELETE FROM audit_event WHERE id = " + second[0]);
            AuditChainCheck.Broken broken = verify(world).broken().orElseThrow();
            assertEquals(third[0], broken.eventId());
            assertEquals("1 event(s) before it are missing (from seq 2)", broken.reason());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void aDeletedNewestRowShowsAgainstItsHead(String kind) {
        try (TestStore store = TestStore.open(fresh(kind), Map.of())) {
            World world = busyWorld(store);
            String chain = store.text("SELECT chain_key FROM audit_chain WHERE chain_key LIKE 'user:" + world.acme.user.id().value()
                    + "@" + store.nodeName + "#%' ORDER BY last_seq DESC LIMIT 1");
            int newest = store.count("SELECT last_seq FROM audit_chain WHERE chain_key = '" + chain + "'");
            store.execute("DELETE FROM audit_event WHERE chain_key = '" + chain + "' AND chain_seq = " + newest);
            AuditChainCheck.Broken broken = verify(world).broken().orElseThrow();
            assertEquals(chain, broken.chain());
            assertEquals("the newest 1 event(s) are missing (the chain's head is at seq " + newest + ")", broken.reason());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void aRowTakenOutOfItsChainIsNamed(String kind) {
        try (TestStore store = TestStore.open(fresh(kind), Map.of())) {
            World world = busyWorld(store);
            long[] first = userEvent(store, world, 1);
            store.execute("UPDATE audit_event SET chain_key = NULL, chain_seq = NULL WHERE id = " + first[0]);
            AuditChainCheck.Broken broken = verify(world).broken().orElseThrow();
            assertEquals(first[0], broken.eventId());
            assertEquals("the event is in no chain: its link was removed", broken.reason());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void eventsWrittenBeforeTheChainAreLinkedOnceByTheMigration(String kind) throws Exception {
        TestDatabases.Database database = fresh(kind);
        Flyway.configure().dataSource(database.url(), database.user(), database.password()).locations(SchemaMigrations.LOCATION)
                .target("6").load().migrate();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO audit_event (at_ms, event_type, account_id, sub_account_id, actor, subject, detail) VALUES "
                    + "(1000, 'ACCOUNT_CREATED', 'a1', NULL, 'operator', 'a1', 'Acme'), "
                    + "(2000, 'SUB_ACCOUNT_CREATED', 'a1', 'u1', 'operator', 'u1', 'alice'), "
                    + "(3000, 'ACCESS_KEY_CREATED', 'a1', 'u1', 'operator', 'GKAK1', 'user')");
        }
        assertEquals(SchemaMigrations.LATEST_VERSION - 6,
                SchemaMigrations.configure().dataSource(database.url(), database.user(), database.password()).load().migrate().migrationsExecuted);
        try (TestStore store = TestStore.open(database, Map.of())) {
            assertEquals(0, store.count("SELECT COUNT(*) FROM audit_event WHERE event_hash IS NULL OR door IS NULL"));
            assertEquals(2, store.count("SELECT last_seq FROM audit_chain WHERE chain_key = 'user:u1@migration-8'"));
            World world = new World(store::ports);
            AuditChainCheck.Result result = verify(world);
            assertEquals(Optional.empty(), result.broken());
            assertEquals(store.count("SELECT COUNT(*) FROM audit_event"), result.events());
            // And the events written since link on from the migrated heads.
            store.execute("UPDATE audit_event SET actor = 'someone else' WHERE chain_key = 'user:u1@migration-8' AND chain_seq = 1");
            assertEquals("user:u1@migration-8", verify(world).broken().orElseThrow().chain());
        }
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT door FROM audit_event WHERE at_ms = 1000")) {
            assertTrue(rs.next());
            assertEquals(AuditEventLinks.UNRECORDED_DOOR, rs.getString(1));
        }
    }
}
