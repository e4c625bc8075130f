package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gatekey.application.port.out.StorageUnavailableException;
import io.gatekey.application.service.GatekeyPorts;
import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.AccountName;
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
