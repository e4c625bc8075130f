package io.gatekey.app.cli;

import io.gatekey.adapter.cli.CliCommandsContract;
import io.gatekey.adapter.cli.CliEnvironment;
import io.gatekey.app.GatekeyTestAccess;
import io.gatekey.application.testing.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/** Every CLI command again, on the embedded default: an H2 file database in a folder of its own. */
class EmbeddedDatabaseCliCommandsTest extends CliCommandsContract {

    @Override
    protected CliEnvironment newEnvironment(MutableClock clock) {
        try {
            String dataDir = Files.createTempDirectory("gatekey-cli-").toString();
            return GatekeyTestAccess.environment(Map.of("gatekey.data-dir", dataDir), clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected String auditDoor() {
        return "cli";
    }
}
