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
import java.util.Optional;
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
}
