package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gatekey.application.port.out.StorageUnavailableException;
import io.gatekey.application.service.GatekeyPorts;
import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.AccountName;
import io.gatekey.domain.account.LoginAlias;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** With the database gone, ports fail with the one clear error; when it returns, they work again unaided. */
class StorageUnavailableTest {

    @Test
    void aLostDatabaseIsReportedAndRecoveredFrom() throws Exception {
        try (H2TcpDatabase database = new H2TcpDatabase();
             TestStore store = TestStore.open(database.database(), Map.of("datasources.default.connection-timeout", 1000,
                     "datasources.default.validation-timeout", 500))) {
            GatekeyPorts ports = store.ports(Clock.systemUTC());
            Account account = Account.create(new AccountId("acme"), new AccountName("Acme"), Instant.ofEpochMilli(1_780_000_000_000L));
            ports.accounts().add(account);

            database.stop();
            assertThrows(StorageUnavailableException.class, () -> ports.accounts().find(account.id()));
            assertThrows(StorageUnavailableException.class, () -> ports.transactions().inTransaction(() -> ports.accounts().list()));

            database.start();
            assertEquals(Optional.of(account), eventually(() -> ports.accounts().find(account.id())));
        }
    }

    @Test
    void aRowLockedPastTheLockWaitIsABusyDatabaseNotAnError() throws Exception {
        // MariaDB's lock wait timeout (error 1205) is also what a Galera node answers when it could not catch up
        // with the cluster within wsrep_sync_wait's bound: either way the database is too busy to answer now.
        TestDatabases.Database database = TestDatabases.newMariaDbDatabase();
        try (TestStore store = TestStore.open(database, Map.of("datasources.default.connection-init-sql", "SET SESSION innodb_lock_wait_timeout = 1"));
             Connection holder = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            GatekeyPorts ports = store.ports(Clock.systemUTC());
            Account account = Account.create(new AccountId("acme"), new AccountName("Acme"), Instant.ofEpochMilli(1_780_000_000_000L));
            ports.accounts().add(account);
            holder.setAutoCommit(false);
            try (var lock = holder.prepareStatement("SELECT id FROM account WHERE id = ? FOR UPDATE")) {
                lock.setString(1, account.id().value());
                lock.executeQuery().close();
            }
            StorageUnavailableException busy = assertThrows(StorageUnavailableException.class,
                    () -> ports.transactions().inTransaction(() -> ports.accounts().setLoginAlias(account.id(), new LoginAlias("acme"))));
            assertEquals("the database is busy", busy.getMessage());
            holder.rollback();
            assertEquals(true, ports.transactions().inTransaction(() -> ports.accounts().setLoginAlias(account.id(), new LoginAlias("acme"))));
        }
    }

    /** Hikari checks a connection idle for over half a second before lending it, and replaces it when broken. */
    private static <T> T eventually(Supplier<T> call) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (true) {
            try {
                return call.get();
            } catch (StorageUnavailableException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(700);
            }
        }
    }
}
