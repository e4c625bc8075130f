package io.gatekey.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/ncp-curl signs a real request that the server accepts, and the secret key appears in no process's
 * arguments: every command it runs is wrapped to record its argument list.
 */
class NcpCurlScriptTest extends DoorContract {

    @TempDir
    Path shims;

    @Override
    String database() {
        return "h2";
    }

    @Test
    void theScriptSignsWithoutPuttingTheSecretInAnyCommandLine() throws Exception {
        Path log = shims.resolve("argv.log");
        for (String command : List.of("openssl", "curl", "od", "tr", "sed", "base64", "date")) {
            String real = which(command);
            Path shim = shims.resolve(command);
            Files.writeString(shim, "#!/bin/sh\nprintf '%s\\n' \"$0 $*\" >> '" + log + "'\nexec '" + real + "' \"$@\"\n");
            Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwx------"));
        }
        server.clock.set(java.time.Instant.now());
        Path script = Path.of("..", "scripts", "ncp-curl").toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "GET", "/api/v1/credentials").redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("PATH", shims + ":" + env.get("PATH"));
        env.put("NCP_ACCESS_KEY", acme.userKey.id().value());
        env.put("NCP_SECRET_KEY", acme.userKey.secret().reveal());
        env.put("GATEKEY_URL", server.uri("").toString());
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("\"accessKey\":\"" + acme.userKey.id() + "\""), output);

        String argv = Files.readString(log);
        assertTrue(argv.contains("openssl dgst -sha256 -binary"), argv);
        assertTrue(argv.contains("curl "), argv);
        assertFalse(argv.contains(acme.userKey.secret().reveal()), "the secret key was in a command line");
    }

    private static String which(String command) throws Exception {
        Process process = new ProcessBuilder("sh", "-c", "command -v " + command).start();
        process.waitFor(10, TimeUnit.SECONDS);
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }
}
