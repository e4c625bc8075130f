package io.gatekey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.port.in.account.CreateAccountUseCase;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.AccountName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command's context opened on a thread of its own while its command line is read. */
class OpeningAheadTest {

    @TempDir
    Path workDir;

    @Test
    void anInstallationIsOpenedAheadAndTheCommandFindsItOpen() throws Exception {
        Path dataDir = installed();
        try (AppEnvironment environment = new AppEnvironment(Map.of("gatekey.data-dir", dataDir.toString()))) {
            environment.openAhead();
            Thread opening = environment.opening();
            assertNotNull(opening);
            opening.join(60_000);

            assertFalse(opening.isAlive());
            assertTrue(environment.isOpen(), "the opening ahead opened the context");
            assertEquals(List.of("Acme"), environment.useCases().listAccounts().list(new Principal.Operator()).stream()
                    .map(account -> account.name().value()).toList());
            environment.openAhead();
            assertEquals(opening, environment.opening(), "an open context is not opened again");
        }
    }

    @Test
    void aNewInstallationIsNotCreatedAheadOnlyByTheCommandItself() throws Exception {
        Path dataDir = workDir.resolve("data");
        try (AppEnvironment environment = new AppEnvironment(Map.of("gatekey.data-dir", dataDir.toString()))) {
            environment.openAhead();
            environment.opening().join(60_000);

            assertFalse(environment.isOpen());
            assertFalse(Files.exists(dataDir), "a mistyped command would have made the database and its master key");
            environment.useCases().createAccount().create(new CreateAccountUseCase.Command(new Principal.Operator(), new AccountName("Acme")));
            assertTrue(Files.isRegularFile(dataDir.resolve("gatekey.mv.db")));
            assertTrue(Files.isRegularFile(dataDir.resolve("master.key")));
        }
    }

    @Test
    void whatTheOpeningMetTheCommandMeetsAsItWouldHaveItself() throws Exception {
        Path dataDir = installed();
        Files.delete(dataDir.resolve("master.key"));
        String unaided;
        try (AppEnvironment environment = new AppEnvironment(Map.of("gatekey.data-dir", dataDir.toString()))) {
            unaided = assertThrows(RuntimeException.class, environment::useCases).getMessage();
        }
        try (AppEnvironment environment = new AppEnvironment(Map.of("gatekey.data-dir", dataDir.toString()))) {
            environment.openAhead();
            environment.opening().join(60_000);

            RuntimeException met = assertThrows(RuntimeException.class, environment::useCases);
            assertEquals(unaided, met.getMessage());
            assertTrue(met.getMessage().contains("master.key"), met.getMessage());
            assertFalse(Files.exists(dataDir.resolve("master.key")), "no new key was made for the old database");
        }
    }

    @Test
    void anEnvironmentClosedBeforeTheOpeningBeganIsNotOpened() throws Exception {
        Path dataDir = installed();
        AppEnvironment environment = new AppEnvironment(Map.of("gatekey.data-dir", dataDir.toString()));
        Thread opening;
        // Held here, the environment's lock keeps the opening from beginning until the command has closed it.
        synchronized (environment) {
            environment.openAhead();
            opening = environment.opening();
            environment.close();
        }
        opening.join(60_000);

        assertFalse(opening.isAlive());
        assertFalse(environment.isOpen());
        assertFalse(Files.exists(dataDir.resolve("gatekey.lock.db")), "the database was opened");
    }

    /** A data folder that a first command made: its database, password and master key. */
    private Path installed() {
        Path dataDir = workDir.resolve("installed");
        try (AppEnvironment environment = new AppEnvironment(Map.of("gatekey.data-dir", dataDir.toString()))) {
            environment.useCases().createAccount().create(new CreateAccountUseCase.Command(new Principal.Operator(), new AccountName("Acme")));
        }
        try (Stream<Path> files = Files.list(dataDir)) {
            assertEquals(List.of("db.password", "gatekey.mv.db", "master.key"), files.map(file -> file.getFileName().toString()).sorted().toList());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return dataDir;
    }
}
