package io.gatekey.adapter.cli;

import io.gatekey.application.embedded.EmbeddedGatekey;
import io.gatekey.application.service.GatekeyServices;
import java.time.Clock;

/** The CLI over the embedded library's in-memory stores; it has no database to maintain and no server. */
final class InMemoryEnvironment implements CliEnvironment {

    private final GatekeyServices useCases;

    InMemoryEnvironment(Clock clock) {
        this.useCases = EmbeddedGatekey.inMemory(clock).useCases();
    }

    @Override
    public GatekeyServices useCases() {
        return useCases;
    }

    @Override
    public Maintenance maintenance() {
        throw new CliRefusal("the in-memory installation has no database");
    }

    @Override
    public void serve(String[] args) {
        throw new CliRefusal("the in-memory installation has no server");
    }
}
