package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gatekey.application.port.out.StorageUnavailableException;
import io.gatekey.application.service.GatekeyPorts;
import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.AccountName;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;

/** With the database gone, ports fail with the one clear error; when it returns, they work again unaided. */
class StorageUnavailableTest {

    @Test
    void aLostDatabaseIsReportedAndRecoveredFrom() throws Exception {
        System.setProperty("h2.bindAddress", "127.0.0.1");
        Path dir = Files.createTempDirectory("gatekey-h2-tcp-");
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Server server = startServer(port, dir);
        String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/gatekey;MODE=MariaDB;DATABASE_TO_LOWER=TRUE";
        TestDatabases.Database database = new TestDatabases.Database(url, "sa", "", "org.h2.Driver");
        try (TestStore store = TestStore.open(database, Map.of("datasources.default.connection-timeout", 1000,
                "datasources.default.validation-timeout", 500))) {
            GatekeyPorts ports = store.ports(Clock.systemUTC());
            Account account = Account.create(new AccountId("acme"), new AccountName("Acme"), Instant.ofEpochMilli(1_780_000_000_000L));
            ports.accounts().add(account);

            server.stop();
            assertThrows(StorageUnavailableException.class, () -> ports.accounts().find(account.id()));
            assertThrows(StorageUnavailableException.class, () -> ports.transactions().inTransaction(() -> ports.accounts().list()));

            server = startServer(port, dir);
            assertEquals(Optional.of(account), eventually(() -> ports.accounts().find(account.id())));
        } finally {
            server.stop();
        }
    }

    private static Server startServer(int port, Path dir) throws Exception {
        return Server.createTcpServer("-tcpPort", Integer.toString(port), "-baseDir", dir.toString(), "-ifNotExists").start();
    }

    /** Hikari checks a connection idle for over half a second before lending it, and replaces it when broken. */
    private static <T> T eventually(java.util.function.Supplier<T> call) throws InterruptedException {
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
