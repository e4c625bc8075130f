package io.gatekey.adapter.persistence;

import io.micronaut.core.value.PropertyResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Opens the embedded H2 database on a thread of its own while the rest of the application context starts, so that
 * the pool's first connection finds it open. H2 opens a file database once per process, and opening it (its lock
 * file, the store, the schema, the auto-server) takes 0.1-0.2 s of a start on the 2-core reference machine. Only an
 * embedded default that was opened before, with its password file in place, is opened ahead: a first start, a
 * database from before the generated password, and every other database are left to the pool and
 * {@link EmbeddedDatabaseGuard}. The early connection is closed once the pool has opened its own, or after
 * {@link #HOLD}; when it cannot be opened, the pool meets the same fault and reports it.
 */
public final class EmbeddedDatabaseOpening {

    static final long HOLD = 30;
    private static final Map<String, CountDownLatch> HELD = new ConcurrentHashMap<>();

    private EmbeddedDatabaseOpening() {
    }

    /**
     * Whether opening the configured database creates no file: false for an H2 file database that is not there yet,
     * and for an embedded default without its password file (the pool would create the database, the guard its
     * password, the master key its file); true for every other database.
     */
    public static boolean opensWithoutCreating(PropertyResolver properties) {
        Configured database = Configured.of(properties);
        if (database.isEmbeddedDefault()) {
            return database.openedBefore();
        }
        String url = database.url();
        return url == null || !url.startsWith("jdbc:h2:file:") || Files.exists(EmbeddedDatabaseGuard.databaseFile(url));
    }

    /** Starts opening the configured database when it is the embedded default that was opened before. */
    public static void begin(PropertyResolver properties) {
        Configured database = Configured.of(properties);
        if (!database.isEmbeddedDefault() || !database.openedBefore()) {
            return;
        }
        String url = database.url();
        Path passwordFile = database.passwordFile();
        String user = properties.getProperty("datasources.default.username", String.class).orElse("sa");
        EmbeddedDatabaseGuard.bindAutoServer(properties.getProperty("gatekey.h2.bind-address", String.class)
                .orElse(EmbeddedDatabaseGuard.DEFAULT_BIND_ADDRESS));
        CountDownLatch released = new CountDownLatch(1);
        if (HELD.putIfAbsent(url, released) != null) {
            return;
        }
        Thread opening = new Thread(() -> {
            try (Connection early = DriverManager.getConnection(url, user, EmbeddedDatabaseGuard.password(passwordFile))) {
                released.await(HOLD, TimeUnit.SECONDS);
            } catch (SQLException | RuntimeException e) {
                // The pool opens the database itself and reports what keeps it shut.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                HELD.remove(url, released);
            }
        }, "gatekey-database-opening");
        opening.setDaemon(true);
        opening.start();
    }

    /** The configured database, as far as opening it early needs to know. */
    private record Configured(String url, String password, Path dataDir) {

        static Configured of(PropertyResolver properties) {
            return new Configured(properties.getProperty("datasources.default.url", String.class).orElse(null),
                    properties.getProperty("datasources.default.password", String.class).orElse(""),
                    Path.of(properties.getProperty("gatekey.data-dir", String.class).orElse(EmbeddedDatabaseGuard.DEFAULT_DATA_DIR)));
        }

        boolean isEmbeddedDefault() {
            return EmbeddedDatabaseGuard.isEmbeddedDefault(url, password, dataDir);
        }

        Path passwordFile() {
            return dataDir.resolve(EmbeddedDatabaseGuard.PASSWORD_FILE);
        }

        /** The embedded default's database and its password are there. */
        boolean openedBefore() {
            return Files.isRegularFile(passwordFile()) && Files.exists(EmbeddedDatabaseGuard.databaseFile(url));
        }
    }

    /** The pool has its own connection: the early one may go. */
    static void release(String url) {
        CountDownLatch released = url == null ? null : HELD.get(url);
        if (released != null) {
            released.countDown();
        }
    }

    /** Whether an early connection to the database is still held (tests). */
    static boolean holds(String url) {
        return HELD.containsKey(url);
    }
}
