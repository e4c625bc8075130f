package io.gatekey.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
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
}
