package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gatekey.application.contract.PortContract;
import io.gatekey.application.service.GatekeyPorts;
import io.gatekey.domain.account.Account;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.KeyOwner;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keys' last-used times are written behind, a batch in one statement, and only ever forward. */
class KeyLastUsesTest extends PortContract {

    private static TestStore store;

    @BeforeAll
    static void open() {
        // Flushed only by the tests themselves.
        store = TestStore.open(TestDatabases.newMariaDbDatabase(), Map.of("gatekey.key-last-used.flush-interval", "1h"));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Override
    protected GatekeyPorts newPorts() {
        return store.ports(Clock.systemUTC());
    }

    @Test
    void aUseIsSeenAtOnceAndWrittenWithTheOthersAtTheNextFlush() {
        Account account = newAccount();
        AccessKey first = newAccessKey(KeyOwner.admin(account.id()), NOW);
        AccessKey second = newAccessKey(KeyOwner.admin(account.id()), NOW);
        ports.accessKeys().recordUse(first.id(), NOW.plusSeconds(60));
        ports.accessKeys().recordUse(first.id(), NOW.plusSeconds(30));
        ports.accessKeys().recordUse(second.id(), NOW.plusSeconds(90));

        assertNull(lastUsedMs(first), "nothing written yet");
        assertEquals(Optional.of(NOW.plusSeconds(60)), ports.accessKeys().find(first.id()).orElseThrow().lastUsedAt());
        assertEquals(Optional.of(NOW.plusSeconds(90)), ports.accessKeys().listByOwner(KeyOwner.admin(account.id())).stream()
                .filter(key -> key.id().equals(second.id())).findFirst().orElseThrow().lastUsedAt());

        store.context.getBean(KeyLastUses.class).flush();
        assertEquals(Long.toString(NOW.plusSeconds(60).toEpochMilli()), lastUsedMs(first));
        assertEquals(Long.toString(NOW.plusSeconds(90).toEpochMilli()), lastUsedMs(second));
        assertEquals(Optional.empty(), store.context.getBean(KeyLastUses.class).unwritten(first.id().value()), "written uses are let go");
    }

    @Test
    void aLaterUseWrittenByAnotherNodeIsKept() {
        AccessKey key = newAccessKey(KeyOwner.admin(newAccount().id()), NOW);
        long other = NOW.plusSeconds(120).toEpochMilli();
        store.execute("UPDATE access_key SET last_used_ms = " + other + " WHERE id = '" + key.id().value() + "'");
        ports.accessKeys().recordUse(key.id(), NOW.plusSeconds(60));

        assertEquals(Optional.of(NOW.plusSeconds(120)), ports.accessKeys().find(key.id()).orElseThrow().lastUsedAt());
        store.context.getBean(KeyLastUses.class).flush();
        assertEquals(Long.toString(other), lastUsedMs(key));
    }

    private String lastUsedMs(AccessKey key) {
        return store.text("SELECT last_used_ms FROM access_key WHERE id = '" + key.id().value() + "'");
    }
}
