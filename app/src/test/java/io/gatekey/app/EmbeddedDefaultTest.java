package io.gatekey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.port.in.account.CreateAccountUseCase;
import io.gatekey.application.service.GatekeyServices;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.AccountName;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With nothing configured, Gatekey keeps its state in an H2 file database and creates its own master key. */
class EmbeddedDefaultTest {

    @TempDir
    Path dataDir;

    @Test
    void stateSurvivesARestartAndTheKeyFileIsOwnerOnly() throws Exception {
        Map<String, Object> config = Map.of("gatekey.data-dir", dataDir.toString(), "gatekey.purge.enabled", false);
        String accountId;
        try (ApplicationContext context = ApplicationContext.run(config)) {
            GatekeyServices useCases = context.getBean(GatekeyServices.class);
            accountId = useCases.createAccount().create(new CreateAccountUseCase.Command(new Principal.Operator(), new AccountName("Acme")))
                    .account().id().value();
        }
        Path keyFile = dataDir.resolve("master.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        assertTrue(Files.exists(dataDir.resolve("gatekey.mv.db")));

        try (ApplicationContext context = ApplicationContext.run(config)) {
            GatekeyServices useCases = context.getBean(GatekeyServices.class);
            assertEquals(accountId, useCases.listAccounts().list(new Principal.Operator()).get(0).id().value());
        }
    }
}
