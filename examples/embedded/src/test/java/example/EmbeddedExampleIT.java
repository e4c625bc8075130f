package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built jar, run twice in one folder as a user would, then the gatekey CLI in that folder. */
class EmbeddedExampleIT {

    @TempDir
    Path folder;

    record Run(int exitCode, String out, String err) {
    }

    private Run java(String jar, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(folder.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "finished");
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void theJarHoldsNoHttpServerAndNoCli() throws Exception {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(System.getProperty("example.jar"))) {
            List<String> foreign = jar.stream().map(java.util.jar.JarEntry::getName)
                    .filter(name -> name.startsWith("io/netty/") || name.startsWith("io/micronaut/http/server/") || name.startsWith("picocli/")
                            || name.startsWith("io/gatekey/adapter/http/") || name.startsWith("io/gatekey/adapter/cli/"))
                    .limit(5).toList();
            assertEquals(List.of(), foreign);
            assertTrue(jar.getEntry("io/gatekey/adapter/persistence/PersistentGatekey.class") != null);
        }
    }

    @Test
    void theSecondRunFindsTheFirstRunsStateAndRefusesItsUsedCode() throws Exception {
        String jar = System.getProperty("example.jar");
        Run first = java(jar);
        assertEquals(0, first.exitCode(), first.out() + first.err());
        assertTrue(first.out().contains("ok     enabled the device"), first.out());
        assertTrue(first.out().contains("ok     issued credentials GKST"), first.out());
        assertTrue(first.out().contains("ok     the code "), first.out());
        assertFalse(first.out().contains("FAILED"), first.out());
        assertTrue(first.err().contains("Created the master key file"), "the embedded default says it made a key: " + first.err());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder.resolve("data/master.key"))));

        Run second = java(jar);
        assertEquals(0, second.exitCode(), second.out() + second.err());
        assertTrue(second.out().contains("ok     found the account of an earlier run"), second.out());
        assertTrue(second.out().contains("ok     her device is still there and enabled"), second.out());
        assertTrue(second.out().matches("(?s).*ok     the code \\d{6} used for them is refused now \\((REPLAYED|INVALID)\\).*"), second.out());
        assertFalse(second.err().contains("Created the master key file"), "the key file of the first run is used");

        // The server's jar (built by the project's own build) started in the same folder sees the same state.
        Path gatekey = Path.of(System.getProperty("gatekey.jar"));
        if (Files.exists(gatekey)) {
            Run users = java(gatekey.toString(), "users", "list", "-o", "json");
            assertEquals(0, users.exitCode(), users.err());
            assertTrue(users.out().contains("\"alice\""), users.out());
            // A backup the program took restores with the CLI, the program stopped.
            assertTrue(second.out().contains("ok     backed up "), second.out());
            List<Path> backups;
            try (var listed = Files.list(folder.resolve("backups"))) {
                backups = listed.sorted().toList();
            }
            assertEquals(2, backups.size(), backups.toString());
            Run restored = java(gatekey.toString(), "db", "restore", backups.get(0).toString());
            assertEquals(0, restored.exitCode(), restored.err());
            assertTrue(java(gatekey.toString(), "users", "list").out().contains("alice"));
            Run verified = java(gatekey.toString(), "audit", "verify");
            assertTrue(verified.out().startsWith("The audit trail is whole"), verified.out() + verified.err());
        }
    }
}
