package io.gatekey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    void otherLocalUsersAreKeptOutOfTheDataFolderAndTheDatabase() throws Exception {
        Map<String, Object> config = Map.of("gatekey.data-dir", dataDir.toString(), "gatekey.purge.enabled", false);
        try (ApplicationContext context = ApplicationContext.run(config)) {
            context.getBean(GatekeyServices.class).createAccount().create(new CreateAccountUseCase.Command(new Principal.Operator(), new AccountName("Acme")));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)));
            assertTrue(Files.exists(dataDir.resolve("gatekey.lock.db")), "the lock file exists while the database is open");
            try (var files = Files.list(dataDir)) {
                for (Path file : files.toList()) {
                    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
                }
            }
            assertTrue(Files.readString(dataDir.resolve("db.password")).strip().length() >= 40);
            // What an attacker who found the auto-server would try: the old user and empty password.
            String url = "jdbc:h2:file:" + dataDir.resolve("gatekey") + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE";
            java.sql.SQLException refused = assertThrows(java.sql.SQLException.class, () -> java.sql.DriverManager.getConnection(url, "sa", ""));
            assertEquals(org.h2.api.ErrorCode.WRONG_USER_OR_PASSWORD, refused.getErrorCode());
        }
    }

    @Test
    void aDatabaseFromBeforeTheGeneratedPasswordGetsIt() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("gatekey") + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE";
        // An installation of an earlier version: its master key file, its schema, user sa with the empty password.
        io.gatekey.adapter.persistence.MasterKeyFile.create(dataDir.resolve("master.key"));
        org.flywaydb.core.Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("2").load().migrate();
        Map<String, Object> config = Map.of("gatekey.data-dir", dataDir.toString(), "gatekey.purge.enabled", false);
        try (ApplicationContext context = ApplicationContext.run(config)) {
            context.getBean(GatekeyServices.class).createAccount().create(new CreateAccountUseCase.Command(new Principal.Operator(), new AccountName("Acme")));
        }
        assertThrows(java.sql.SQLException.class, () -> java.sql.DriverManager.getConnection(url, "sa", ""));
        String password = Files.readString(dataDir.resolve("db.password")).strip();
        try (java.sql.Connection upgraded = java.sql.DriverManager.getConnection(url, "sa", password);
             java.sql.ResultSet rs = upgraded.createStatement().executeQuery("SELECT name FROM account")) {
            assertTrue(rs.next());
            assertEquals("Acme", rs.getString(1));
        }
    }

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
