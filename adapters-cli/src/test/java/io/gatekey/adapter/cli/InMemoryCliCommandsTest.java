package io.gatekey.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatekey.application.testing.MutableClock;
import org.junit.jupiter.api.Test;

class InMemoryCliCommandsTest extends CliCommandsContract {

    @Override
    protected CliEnvironment newEnvironment(MutableClock clock) {
        return new InMemoryEnvironment(clock);
    }

    @Test
    void maintenanceWithoutADatabaseIsRefused() {
        CliRunner.Run run = cli.run("db", "migrate");
        assertEquals(1, run.exitCode());
        assertEquals("gatekey: the in-memory installation has no database\n", run.err());
    }

    @Override
    protected String auditDoor() {
        return "embedded";
    }
}
