package io.gatekey.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.gatekey.application.service.GatekeyServices;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run builds only the subcommand it names; help, mistakes and completion see them all. */
class GatekeyCliTest {

    private static final List<String> ALL = List.of("serve", "init", "accounts", "users", "keys", "mfa", "credentials", "audit", "db",
            "master-key", "generate-completion");

    private final InMemoryEnvironment environment = new InMemoryEnvironment(Clock.systemUTC());

    @Test
    void aRunBuildsTheSubcommandItNames() {
        assertEquals(List.of("keys"), List.copyOf(GatekeyCli.commandLine(environment, "keys", "list", "--user", "u").getSubcommands().keySet()));
        assertEquals(List.of("serve"), List.copyOf(GatekeyCli.commandLine(environment, "serve").getSubcommands().keySet()));
        assertTrue(GatekeyCli.commandLine(environment, "keys").getSubcommands().get("keys").getSubcommands().containsKey("create"));
    }

    @Test
    void helpMistakesAndCompletionSeeEverySubcommand() {
        assertEquals(ALL, List.copyOf(GatekeyCli.commandLine(environment).getSubcommands().keySet()));
        assertEquals(ALL, List.copyOf(GatekeyCli.commandLine(environment, "--help").getSubcommands().keySet()));
        assertEquals(ALL, List.copyOf(GatekeyCli.commandLine(environment, "kyes", "list").getSubcommands().keySet()));
        assertEquals(ALL, List.copyOf(GatekeyCli.commandLine(environment, "generate-completion").getSubcommands().keySet()));
        assertEquals(ALL, List.copyOf(GatekeyCli.commandLine(environment, new String[0]).getSubcommands().keySet()));
    }

    @Test
    void serveHandsItsArgumentsToTheServerWithoutACommandLineUnlessHelpIsAsked() {
        assertTrue(GatekeyCli.servesDirectly("serve"));
        assertTrue(GatekeyCli.servesDirectly("serve", "-Dmicronaut.server.port=9090", "--micronaut.server.host=127.0.0.1"));
        assertFalse(GatekeyCli.servesDirectly("serve", "--help"));
        assertFalse(GatekeyCli.servesDirectly("serve", "-Dx=y", "-h"));
        assertFalse(GatekeyCli.servesDirectly("serve", "-V"));
        assertFalse(GatekeyCli.servesDirectly("serve", "--version"));
        assertFalse(GatekeyCli.servesDirectly("users", "list"));
        assertFalse(GatekeyCli.servesDirectly());

        Recording recording = new Recording();
        assertEquals(0, GatekeyCli.run(recording, "serve", "-Dmicronaut.server.port=9090"));
        assertEquals(List.of("-Dmicronaut.server.port=9090"), recording.served);
        assertEquals(0, recording.openedAhead);
    }

    /** A command on the installation has it opened while picocli reads the line; help, the version, mistakes and the server do not. */
    @Test
    void onlyACommandOnTheInstallationHasItOpenedAhead() {
        for (List<String> args : List.of(List.of("accounts", "list"), List.of("keys", "create", "--user", "alice", "-o", "json"),
                List.of("init", "--name", "Acme"), List.of("db", "migrate"), List.of("audit", "verify"), List.of("users", "lst"))) {
            assertEquals(1, openedAheadFor(args), args.toString());
        }
        for (List<String> args : List.of(List.<String>of(), List.of("--help"), List.of("-V"), List.of("accounts", "list", "--help"),
                List.of("keys", "create", "-h"), List.of("mfa", "--version"), List.of("kyes", "list"), List.of("generate-completion"),
                List.of("serve"), List.of("serve", "--help"))) {
            assertEquals(0, openedAheadFor(args), args.toString());
        }
    }

    private static int openedAheadFor(List<String> args) {
        Recording recording = new Recording();
        GatekeyCli.commandLine(recording, args.toArray(String[]::new));
        return recording.openedAhead;
    }

    /** Records what reaches the environment: the server's arguments and the openings ahead; no use case. */
    private static final class Recording implements CliEnvironment {
        final List<String> served = new ArrayList<>();
        int openedAhead;

        @Override
        public GatekeyServices useCases() {
            throw new AssertionError("no use case is reached here");
        }

        @Override
        public Maintenance maintenance() {
            throw new AssertionError("no upkeep is reached here");
        }

        @Override
        public void serve(String[] args) {
            served.addAll(List.of(args));
        }

        @Override
        public void openAhead() {
            openedAhead++;
        }
    }

    @Test
    void aServerThatCannotStartIsToldLikeAnyRefusedCommand() {
        StringWriter err = new StringWriter();
        int code = GatekeyCli.serve(environment, new String[0], new PrintWriter(err, true));
        assertEquals(GatekeyCli.REFUSED, code);
        assertEquals("gatekey: the in-memory installation has no server" + System.lineSeparator(), err.toString());
    }
}
