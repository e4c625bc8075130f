package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.core.value.PropertyResolver;
import io.micronaut.context.env.PropertySourcePropertyResolver;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseOpeningTest {

    @TempDir
    Path dataDir;

    @Test
    void anEmbeddedDatabaseOpenedBeforeIsOpenedAheadAndLetGoOnceThePoolHasItsOwn() throws Exception {
        Map<String, Object> config = embeddedDefault();
        try (ApplicationContext first = ApplicationContext.run(config)) {
            assertTrue(SchemaMigrations.isCurrent(DelegatingDataSource.unwrapDataSource(first.getBean(DataSource.class))));
        }
        Path lock = dataDir.resolve("gatekey.lock.db");
        assertFalse(Files.exists(lock), "H2 removes its lock file when the database closes");

        EmbeddedDatabaseOpening.begin(resolver(config));
        // Opened on a thread of its own, with no pool yet: H2 holds its lock file.
        assertTrue(within(() -> Files.exists(lock)), "the database was not opened ahead");
        assertTrue(EmbeddedDatabaseOpening.holds(url()));

        try (ApplicationContext second = ApplicationContext.run(config)) {
            DataSource pool = DelegatingDataSource.unwrapDataSource(second.getBean(DataSource.class));
            assertTrue(within(() -> !EmbeddedDatabaseOpening.holds(url())), "the early connection outlived the pool's first one");
            assertTrue(SchemaMigrations.isCurrent(pool));
        }
        // Nothing kept the database open past the pool: it closed with it.
        assertFalse(Files.exists(lock));
    }

    @Test
    void aFirstStartIsLeftToThePoolAndTheGuard() {
        EmbeddedDatabaseOpening.begin(resolver(embeddedDefault()));
        assertFalse(EmbeddedDatabaseOpening.holds(url()));
        assertFalse(Files.exists(dataDir.resolve(EmbeddedDatabaseGuard.PASSWORD_FILE)), "the guard creates the password, not the early opening");
        assertFalse(Files.exists(dataDir.resolve("gatekey.mv.db")));
    }

    @Test
    void aDatabaseOtherThanTheEmbeddedDefaultIsLeftToThePool() throws Exception {
        Map<String, Object> config = embeddedDefault();
        try (ApplicationContext first = ApplicationContext.run(config)) {
            first.getBean(DataSource.class);
        }
        Map<String, Object> withPassword = new HashMap<>(config);
        withPassword.put("datasources.default.password", "configured");
        EmbeddedDatabaseOpening.begin(resolver(withPassword));
        Map<String, Object> elsewhere = new HashMap<>(config);
        elsewhere.put("gatekey.data-dir", dataDir.resolve("other").toString());
        EmbeddedDatabaseOpening.begin(resolver(elsewhere));
        Map<String, Object> mariaDb = new HashMap<>(config);
        mariaDb.put("datasources.default.url", "jdbc:mariadb://127.0.0.1:1/gatekey");
        EmbeddedDatabaseOpening.begin(resolver(mariaDb));

        assertFalse(EmbeddedDatabaseOpening.holds(url()));
        assertFalse(EmbeddedDatabaseOpening.holds("jdbc:mariadb://127.0.0.1:1/gatekey"));
        assertFalse(Files.exists(dataDir.resolve("gatekey.lock.db")), "the database was opened");
    }

    private String url() {
        return "jdbc:h2:file:" + dataDir.resolve("gatekey") + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE";
    }

    private Map<String, Object> embeddedDefault() {
        Map<String, Object> config = new HashMap<>();
        config.put("datasources.default.url", url());
        config.put("datasources.default.username", "sa");
        config.put("datasources.default.password", "");
        config.put("datasources.default.dialect", "MYSQL");
        config.put("gatekey.data-dir", dataDir.toString());
        config.put("gatekey.master-key", TestStore.MASTER_KEY);
        config.put("gatekey.database.migrate-at-start", true);
        config.put("gatekey.purge.enabled", false);
        return config;
    }

    private static PropertyResolver resolver(Map<String, Object> config) {
        return new PropertySourcePropertyResolver(PropertySource.of(config));
    }

    private static boolean within(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}
