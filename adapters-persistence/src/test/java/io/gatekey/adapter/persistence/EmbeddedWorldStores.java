package io.gatekey.adapter.persistence;

import io.gatekey.application.service.GatekeyPorts;
import io.gatekey.application.testing.WorldStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The embedded wirings as worlds of the application's use-case tests: one {@link PersistentGatekey} per JVM (an
 * H2 folder, or a MariaDB database), emptied for each world.
 */
public abstract class EmbeddedWorldStores implements WorldStore {

    /** One per store name and JVM: the service loader makes a new instance of this class for every world. */
    private static final Map<String, PersistentGatekey> OPENED = new HashMap<>();

    abstract PersistentGatekey openGatekey() throws Exception;

    @Override
    public GatekeyPorts open(Clock clock) {
        PersistentGatekey gatekey;
        synchronized (OPENED) {
            gatekey = OPENED.get(name());
            if (gatekey == null) {
                try {
                    gatekey = openGatekey();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot open the embedded store " + name(), e);
                }
                OPENED.put(name(), gatekey);
                Runtime.getRuntime().addShutdownHook(new Thread(gatekey::close));
            }
        }
        for (String table : TestStore.TABLES) {
            TestStore.execute(gatekey.context(), "DELETE FROM " + table);
        }
        return PersistentGatekey.ports(gatekey.context(), clock);
    }

    /** An H2 folder in the layout of the server's embedded default. */
    public static final class H2 extends EmbeddedWorldStores {
        @Override
        public String name() {
            return "embedded-h2";
        }

        @Override
        PersistentGatekey openGatekey() throws Exception {
            Path folder = Files.createTempDirectory("gatekey-world-");
            return PersistentGatekey.inFolder(folder.resolve("data")).property("gatekey.purge.enabled", false).open();
        }
    }

    /** A MariaDB database of its own (see {@link TestDatabases}). */
    public static final class MariaDb extends EmbeddedWorldStores {
        @Override
        public String name() {
            return "embedded-mariadb";
        }

        @Override
        PersistentGatekey openGatekey() {
            TestDatabases.Database database = TestDatabases.newMariaDbDatabase();
            return PersistentGatekey.onDatabase(database.url(), database.user(), database.password())
                    .masterKey(TestStore.MASTER_KEY).property("gatekey.purge.enabled", false)
                    .property("datasources.default.maximum-pool-size", 24).open();
        }
    }
}
