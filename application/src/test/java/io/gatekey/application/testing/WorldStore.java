package io.gatekey.application.testing;

import io.gatekey.application.embedded.EmbeddedGatekey;
import io.gatekey.application.service.GatekeyPorts;
import java.time.Clock;
import java.util.ServiceLoader;

/**
 * Where a {@link World} keeps its state: in memory unless the system property {@code gatekey.test.world-store}
 * names another store, found through {@link ServiceLoader} (the storage adapter's tests provide the embedded H2
 * and MariaDB wirings), so the same use-case tests run on each.
 */
public interface WorldStore {

    String PROPERTY = "gatekey.test.world-store";

    /** The name the property selects this store by. */
    String name();

    /** Fresh, empty ports on the given clock. */
    GatekeyPorts open(Clock clock);

    /** The store this run selects. */
    static GatekeyPorts openSelected(Clock clock) {
        String selected = System.getProperty(PROPERTY, "in-memory");
        if (selected.equals("in-memory")) {
            return EmbeddedGatekey.inMemoryPorts(clock);
        }
        for (WorldStore store : ServiceLoader.load(WorldStore.class)) {
            if (store.name().equals(selected)) {
                return store.open(clock);
            }
        }
        throw new IllegalStateException("no world store named " + selected + " on the class path");
    }
}
