package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.contract.PortContract;
import io.gatekey.application.service.GatekeyPorts;
import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.AccountName;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.accesskey.KeyOwner;
import io.gatekey.domain.accesskey.KeyUse;
import io.gatekey.domain.accesskey.SecretKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Keys' last uses are written behind, a batch in one statement, and only ever forward. */
abstract class KeyLastUsesContract extends PortContract {

    private static final KeyUse.Where STS = KeyUse.Where.scoped("sts", "eu-west-1");
    private static final KeyUse.Where NCP = KeyUse.Where.service("ncp");

    /** A store that only the tests flush. */
    static TestStore open(TestDatabases.Database database) {
        return TestStore.open(database, Map.of("gatekey.key-last-used.flush-interval", "1h"));
    }

    protected abstract TestStore store();

    /** A new database of the kind {@link #store} is on. */
    protected abstract TestDatabases.Database newDatabase();

    @Override
    protected GatekeyPorts newPorts() {
        return store().ports(Clock.systemUTC());
    }

    @Test
    void aUseIsSeenAtOnceAndWrittenWithTheOthersAtTheNextFlush() {
        Account account = newAccount();
        AccessKey first = newAccessKey(KeyOwner.admin(account.id()), NOW);
        AccessKey second = newAccessKey(KeyOwner.admin(account.id()), NOW);
        AccessKey third = newAccessKey(KeyOwner.subAccount(account.id(), newSubAccount(account, "alice").id()), NOW);
        ports.accessKeys().recordUse(first.id(), use(NOW.plusSeconds(60), STS));
        ports.accessKeys().recordUse(first.id(), use(NOW.plusSeconds(30), NCP));
        ports.accessKeys().recordUse(second.id(), use(NOW.plusSeconds(90), NCP));
        ports.accessKeys().recordUse(third.id(), new KeyUse(NOW.plusSeconds(90), Optional.empty()));

        assertNull(written(first), "nothing written yet");
        assertEquals(Optional.of(use(NOW.plusSeconds(60), STS)), ports.accessKeys().find(first.id()).orElseThrow().lastUse());
        assertEquals(Optional.of(use(NOW.plusSeconds(90), NCP)), ports.accessKeys().listByOwner(KeyOwner.admin(account.id())).stream()
                .filter(key -> key.id().equals(second.id())).findFirst().orElseThrow().lastUse());

        flush();
        assertEquals(NOW.plusSeconds(60).toEpochMilli() + " sts eu-west-1", written(first));
        assertEquals(NOW.plusSeconds(90).toEpochMilli() + " ncp null", written(second));
        assertEquals(NOW.plusSeconds(90).toEpochMilli() + " null null", written(third));
        assertEquals(Optional.empty(), store().context.getBean(KeyLastUses.class).unwritten(first.id().value()), "written uses are let go");
        // Read back from the row alone.
        assertEquals(Optional.of(use(NOW.plusSeconds(60), STS)), ports.accessKeys().find(first.id()).orElseThrow().lastUse());
        assertEquals(Optional.of(new KeyUse(NOW.plusSeconds(90), Optional.empty())), ports.accessKeys().find(third.id()).orElseThrow().lastUse());
    }

    @Test
    void aLaterUseWrittenByAnotherNodeIsKeptWithItsServiceAndRegion() {
        AccessKey key = newAccessKey(KeyOwner.admin(newAccount().id()), NOW);
        long other = NOW.plusSeconds(120).toEpochMilli();
        store().execute("UPDATE access_key SET last_used_ms = " + other + ", last_used_service = 'iam', last_used_region = 'us-east-1' WHERE id = '"
                + key.id().value() + "'");
        ports.accessKeys().recordUse(key.id(), use(NOW.plusSeconds(60), NCP));

        KeyUse kept = use(NOW.plusSeconds(120), KeyUse.Where.scoped("iam", "us-east-1"));
        assertEquals(Optional.of(kept), ports.accessKeys().find(key.id()).orElseThrow().lastUse());
        flush();
        assertEquals(other + " iam us-east-1", written(key));
        // A later one replaces all three, a region it does not name too.
        ports.accessKeys().recordUse(key.id(), use(NOW.plusSeconds(180), NCP));
        flush();
        assertEquals(NOW.plusSeconds(180).toEpochMilli() + " ncp null", written(key));
    }

    @Test
    void aUseIsWrittenOnScheduleWhileTheStoreStaysOpen() throws InterruptedException {
        try (TestStore scheduled = TestStore.open(newDatabase(), Map.of("gatekey.key-last-used.flush-interval", "100ms"))) {
            GatekeyPorts onSchedule = scheduled.ports(Clock.systemUTC());
            Account account = Account.create(AccountId.fromRandom(random(16)), new AccountName("Scheduled"), NOW);
            onSchedule.accounts().add(account);
            AccessKey key = AccessKey.create(AccessKeyId.longTerm(random(10)), KeyOwner.admin(account.id()), SecretKey.fromRandom(random(30)), NOW);
            assertTrue(onSchedule.accessKeys().addWithinLimit(key, 2));
            onSchedule.accessKeys().recordUse(key.id(), use(NOW.plusSeconds(60), STS));
            String expected = NOW.plusSeconds(60).toEpochMilli() + " sts eu-west-1";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            // Read from the row, as another node reads it: no flush is called here.
            while (!expected.equals(written(scheduled, key)) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(expected, written(scheduled, key));
        }
    }

    private static KeyUse use(Instant at, KeyUse.Where where) {
        return new KeyUse(at, Optional.of(where));
    }

    private void flush() {
        store().context.getBean(KeyLastUses.class).flush();
    }

    private String written(AccessKey key) {
        return written(store(), key);
    }

    /** The row's time, service and region, or null when it holds no use. */
    private static String written(TestStore store, AccessKey key) {
        return store.text("SELECT CASE WHEN last_used_ms IS NULL THEN NULL ELSE CONCAT(last_used_ms, ' ', COALESCE(last_used_service, 'null'), ' ', "
                + "COALESCE(last_used_region, 'null')) END FROM access_key WHERE id = '" + key.id().value() + "'");
    }
}
