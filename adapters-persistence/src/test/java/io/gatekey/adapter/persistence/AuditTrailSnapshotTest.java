package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.port.in.account.CreateAccountUseCase;
import io.gatekey.application.port.in.account.CreateSubAccountUseCase;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.AccountName;
import io.gatekey.domain.account.SubAccountName;
import io.gatekey.domain.audit.AuditChainCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatekey audit verify} while the service appends: each user created begins a chain (its event and its head,
 * in two tables), and a check that read the heads and then the events at two moments would find a chain without
 * its head and call it tampered with.
 */
class AuditTrailSnapshotTest {

    @TempDir
    Path folder;

    @Test
    void onTheEmbeddedDefault() throws InterruptedException {
        try (PersistentGatekey gatekey = PersistentGatekey.inFolder(folder.resolve("data")).open()) {
            verifiesWholeWhileUsersAreCreated(gatekey);
        }
    }

    @Test
    void onMariaDb() throws InterruptedException {
        TestDatabases.Database database = TestDatabases.newMariaDbDatabase();
        try (PersistentGatekey gatekey = PersistentGatekey.onDatabase(database.url(), database.user(), database.password())
                .masterKey(TestStore.MASTER_KEY).open()) {
            verifiesWholeWhileUsersAreCreated(gatekey);
        }
    }

    private static void verifiesWholeWhileUsersAreCreated(PersistentGatekey gatekey) throws InterruptedException {
        AccountId account = gatekey.useCases().createAccount().create(new CreateAccountUseCase.Command(gatekey.operator(), new AccountName("Example")))
                .account().id();
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                // Below the account's 500 users.
                for (int i = 0; i < 300; i++) {
                    gatekey.useCases().createSubAccount().create(new CreateSubAccountUseCase.Command(gatekey.operator(), account, new SubAccountName("user" + i)));
                }
            } catch (RuntimeException e) {
                failed.set(e);
            }
        });
        writer.start();
        List<String> broken = new ArrayList<>();
        int checks = 0;
        while (writer.isAlive()) {
            AuditChainCheck.Result result = gatekey.useCases().verifyAuditTrail().verify(gatekey.operator());
            result.broken().ifPresent(first -> broken.add(first.describe()));
            checks++;
        }
        writer.join();
        assertEquals(null, failed.get());
        assertTrue(checks >= 2, "the trail was checked " + checks + " time(s) while users were created");
        assertEquals(List.of(), broken);
        assertEquals(302, gatekey.useCases().verifyAuditTrail().verify(gatekey.operator()).events(), "the account's two events and one per user");
    }
}
