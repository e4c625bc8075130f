package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.service.GatekeyPorts;
import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.AccountName;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcTransactionRunnerTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void workThatThrowsLeavesNothingBehindAndWorkThatReturnsStays(String kind) {
        TestStore store = kind.equals("h2") ? TestStore.h2() : TestStore.mariaDb();
        GatekeyPorts ports = store.ports(Clock.systemUTC());
        Account lost = Account.create(new AccountId("lost"), new AccountName("Lost"), Instant.now());
        Account kept = Account.create(new AccountId("kept"), new AccountName("Kept"), Instant.now());

        assertThrows(IllegalStateException.class, () -> ports.transactions().inTransaction(() -> {
            ports.accounts().add(lost);
            ports.transactions().inTransaction(() -> ports.accounts().setLoginAlias(lost.id(), new io.gatekey.domain.account.LoginAlias("lost")));
            throw new IllegalStateException("boom");
        }));
        assertEquals(Optional.empty(), ports.accounts().find(lost.id()));

        ports.transactions().inTransaction(() -> {
            ports.accounts().add(kept);
            return null;
        });
        assertTrue(ports.accounts().find(kept.id()).isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void afterCommitActionsRunOnceTheWorkCommittedAndNeverWhenItRolledBack(String kind) {
        TestStore store = kind.equals("h2") ? TestStore.h2() : TestStore.mariaDb();
        GatekeyPorts ports = store.ports(Clock.systemUTC());
        java.util.List<String> ran = new java.util.ArrayList<>();
        assertThrows(IllegalStateException.class, () -> ports.transactions().inTransaction(() -> {
            ports.transactions().afterCommit(() -> ran.add("rolled back"));
            throw new IllegalStateException("boom");
        }));
        ports.transactions().inTransaction(() -> {
            ports.transactions().inTransaction(() -> {
                ports.transactions().afterCommit(() -> ran.add("committed"));
                return null;
            });
            assertEquals(java.util.List.of(), ran, "not before the outermost transaction commits");
            return null;
        });
        ports.transactions().afterCommit(() -> ran.add("outside"));
        assertEquals(java.util.List.of("committed", "outside"), ran);
    }

    /**
     * On MariaDB a transaction is START TRANSACTION and COMMIT (or ROLLBACK) on a connection that stays in autocommit:
     * no SET autocommit before or after it, and a statement outside a transaction still commits on its own. Counted
     * on the pool's one connection (the session's own counters).
     */
    @Test
    void onMariaDbATransactionStartsAndEndsWithoutSwitchingAutocommit() {
        try (TestStore store = TestStore.open(TestDatabases.newMariaDbDatabase(),
                Map.of("datasources.default.maximum-pool-size", 1, "datasources.default.minimum-idle", 1))) {
            GatekeyPorts ports = store.ports(Clock.systemUTC());
            Map<String, Long> before = store.sessionCounters();
            for (int n = 0; n < 3; n++) {
                Account account = Account.create(new AccountId("tx-" + n), new AccountName("Tx " + n), Instant.now());
                ports.transactions().inTransaction(() -> {
                    ports.accounts().add(account);
                    return null;
                });
            }
            assertThrows(IllegalStateException.class, () -> ports.transactions().inTransaction(() -> {
                ports.accounts().add(Account.create(new AccountId("tx-lost"), new AccountName("Lost"), Instant.now()));
                throw new IllegalStateException("boom");
            }));
            ports.accounts().add(Account.create(new AccountId("alone"), new AccountName("Alone"), Instant.now()));
            Map<String, Long> after = store.sessionCounters();

            assertEquals(Map.of("com_begin", 4L, "com_commit", 3L, "com_rollback", 1L, "com_set_option", 0L, "com_select", 0L,
                    "com_insert", 5L, "com_update", 0L, "com_delete", 0L), TestStore.between(before, after));
            assertEquals(4, store.count("SELECT COUNT(*) FROM account WHERE id IN ('tx-0', 'tx-1', 'tx-2', 'alone')"));
            assertEquals(0, store.count("SELECT COUNT(*) FROM account WHERE id = 'tx-lost'"));
            assertEquals("0", store.text("SELECT @@in_transaction"), "the pool's connection is back outside any transaction");
        }
    }
}
