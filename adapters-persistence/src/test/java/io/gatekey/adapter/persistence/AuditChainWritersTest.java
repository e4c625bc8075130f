package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatekey.application.service.GatekeyPorts;
import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.AccountName;
import io.gatekey.domain.audit.AuditChainCheck;
import io.gatekey.domain.audit.AuditEvent;
import io.gatekey.domain.audit.AuditEventType;
import io.gatekey.domain.audit.AuditOrigin;
import io.gatekey.domain.audit.LinkedAuditEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A node appends to its chains from the heads it remembers, without reading them first; whatever moved a head
 * behind its back (another node under the same name, rows removed by hand) is found by the head's conditional
 * update, and the append runs again from a fresh read, so the trail stays whole.
 */
class AuditChainWritersTest {

    private static final Instant NOW = Instant.parse("2026-12-02T00:00:00Z");

    private static AuditEvent event(Account account, int n) {
        return new AuditEvent(NOW.plusMillis(n), AuditEventType.CREDENTIALS_ISSUED, account.id(), Optional.empty(), "operator", "GKAK" + n,
                "event " + n, AuditOrigin.of("cli"));
    }

    private static Account account(GatekeyPorts ports) {
        Account account = Account.create(AccountId.fromRandom(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}),
                new AccountName("Writers"), NOW);
        ports.accounts().add(account);
        return account;
    }

    private static List<LinkedAuditEvent> trail(GatekeyPorts ports) {
        List<LinkedAuditEvent> all = new ArrayList<>();
        ports.auditLog().forEachInChainOrder(all::add);
        return all;
    }

    private static void assertWhole(GatekeyPorts ports, int events) {
        AuditChainCheck check = AuditChainCheck.whole(ports.auditLog().heads());
        ports.auditLog().forEachInChainOrder(check::accept);
        AuditChainCheck.Result result = check.finish();
        assertEquals(Optional.empty(), result.broken());
        assertEquals(events, result.events());
    }

    @Test
    void twoNodesUnderOneNameTakeTurnsOnOneChain() {
        TestDatabases.Database database = TestDatabases.newMariaDbDatabase();
        Map<String, Object> sameName = Map.of("gatekey.node-name", "twin", "gatekey.audit.chains-per-node", 1);
        try (TestStore a = TestStore.open(database, sameName); TestStore b = TestStore.open(database, sameName)) {
            GatekeyPorts nodeA = a.ports(Clock.systemUTC());
            GatekeyPorts nodeB = b.ports(Clock.systemUTC());
            Account acme = account(nodeA);
            for (int n = 0; n < 20; n++) {
                (n % 2 == 0 ? nodeA : nodeB).auditLog().record(event(acme, n));
            }
            List<LinkedAuditEvent> trail = trail(nodeA);
            assertEquals(20, trail.size());
            assertEquals(List.of("account:" + acme.id().value() + "@twin#0"), trail.stream().map(e -> e.link().chain()).distinct().toList());
            for (int n = 0; n < 20; n++) {
                assertEquals(n + 1, trail.get(n).link().seq());
                assertEquals("event " + n, trail.get(n).event().detail(), "each took the place after the other's");
            }
            assertWhole(nodeB, 20);
        }
    }

    @Test
    void anAppendRolledBackLeavesItsChainAsItWas() {
        try (TestStore store = TestStore.open(TestDatabases.newMariaDbDatabase(), Map.of())) {
            GatekeyPorts ports = store.ports(Clock.systemUTC());
            Account acme = account(ports);
            ports.auditLog().record(event(acme, 0));
            try {
                ports.transactions().inTransaction(() -> {
                    ports.auditLog().record(event(acme, 1));
                    throw new IllegalStateException("the change it recorded failed");
                });
            } catch (IllegalStateException expected) {
                // rolled back, its audit record with it
            }
            ports.auditLog().record(event(acme, 2));
            List<LinkedAuditEvent> trail = trail(ports);
            assertEquals(List.of("event 0", "event 2"), trail.stream().map(e -> e.event().detail()).toList());
            assertEquals(List.of(1L, 2L), trail.stream().map(e -> e.link().seq()).toList(), "the next append took the undone one's place");
            assertEquals(trail.get(0).link().hash(), trail.get(1).link().previousHash());
            assertWhole(ports, 2);
        }
    }

    @Test
    void aHeadRemovedByHandIsFoundAndTheChainGoesOn() {
        try (TestStore store = TestStore.open(TestDatabases.newMariaDbDatabase(), Map.of())) {
            GatekeyPorts ports = store.ports(Clock.systemUTC());
            Account acme = account(ports);
            ports.auditLog().record(event(acme, 0));
            ports.auditLog().record(event(acme, 1));
            store.execute("DELETE FROM audit_event");
            store.execute("DELETE FROM audit_chain");
            ports.auditLog().record(event(acme, 2));
            List<LinkedAuditEvent> trail = trail(ports);
            assertEquals(1, trail.size());
            assertEquals(1, trail.get(0).link().seq(), "the node's remembered head (place 2) was gone: it started the chain again");
            assertWhole(ports, 1);
        }
    }

    @Test
    void twoChainsBegunAtOnceSideBySideDoNotWaitForEachOther() throws Exception {
        // Two writers, so that two transactions at once each hold one; two accounts whose chains are not begun.
        try (TestStore store = TestStore.open(TestDatabases.newMariaDbDatabase(), Map.of("gatekey.audit.chains-per-node", 2))) {
            GatekeyPorts ports = store.ports(Clock.systemUTC());
            Account first = account(ports, (byte) 0x70);
            Account second = account(ports, (byte) 0x71);
            java.util.concurrent.CountDownLatch appended = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                // The first begins its chain and stays open; the second begins the chain beside it meanwhile.
                java.util.concurrent.Future<?> open = threads.submit(() -> ports.transactions().inTransaction(() -> {
                    ports.auditLog().record(event(first, 1));
                    appended.countDown();
                    try {
                        return release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }));
                assertEquals(true, appended.await(10, java.util.concurrent.TimeUnit.SECONDS));
                java.util.concurrent.Future<?> beside = threads.submit(() -> ports.auditLog().record(event(second, 2)));
                // Done while the first is still open: no lock of the first's is in its way (a locking read of the
                // heads would have locked the gap both go in, and the second would wait for the first's commit).
                beside.get(10, java.util.concurrent.TimeUnit.SECONDS);
                release.countDown();
                open.get(10, java.util.concurrent.TimeUnit.SECONDS);
            } finally {
                release.countDown();
                threads.shutdownNow();
            }
            List<LinkedAuditEvent> trail = trail(ports);
            assertEquals(List.of(1L, 1L), trail.stream().map(e -> e.link().seq()).toList());
            assertWhole(ports, 2);
        }
    }

    /** An account whose id is {@code first} repeated: chains of such accounts sort side by side. */
    private static Account account(GatekeyPorts ports, byte first) {
        byte[] id = new byte[16];
        java.util.Arrays.fill(id, first);
        Account account = Account.create(AccountId.fromRandom(id), new AccountName("Side " + first), NOW);
        ports.accounts().add(account);
        return account;
    }
}
