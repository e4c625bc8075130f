package io.gatekey.adapter.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Brings a database's schema up to date with Gatekey's Flyway migrations, one migrating process at a time across
 * every node (see {@link SchemaLock}).
 */
public final class SchemaMigrations {

    public static final String LOCATION = "classpath:db/migration";
    /**
     * Flyway's checksum of each migration the jar holds, by version, as Flyway records it when it applies them (a
     * test keeps the file equal to what Flyway records).
     */
    static final String CHECKSUMS = "db/migration-checksums.properties";
    static final Map<Integer, Integer> CHECKSUMS_BY_VERSION = readChecksums();
    /** The newest migration's version, the newest in {@link #CHECKSUMS}; a test keeps it equal to the newest script. */
    public static final int LATEST_VERSION = Collections.max(CHECKSUMS_BY_VERSION.keySet());
    private static final String HISTORY = "flyway_schema_history";
    /** Rows of the history that record no migration: a baseline, Flyway creating a schema. */
    private static final Set<String> NOT_MIGRATIONS = Set.of("BASELINE", "SCHEMA");

    private SchemaMigrations() {
    }

    /** Returns how many migrations ran; zero when the schema was current. */
    public static int migrate(DataSource dataSource) {
        try (SchemaLock lock = SchemaLock.acquire(dataSource)) {
            // Flyway refuses a schema that holds tables but no history of its own: the lock's table alone is no
            // reason to, so a schema holding only that table starts a history of version 0.
            boolean fresh = lock.isAloneInSchema();
            if (fresh) {
                ExactCollation.setForNewTables(dataSource);
            }
            return configure().dataSource(dataSource)
                    .baselineOnMigrate(fresh).baselineVersion("0")
                    .load().migrate().migrationsExecuted;
        }
    }

    /** Gatekey's migrations: the scripts in {@link #LOCATION} and the ones written in Java. */
    static FluentConfiguration configure() {
        return Flyway.configure().locations(LOCATION).javaMigrations(new AuditChainBackfill());
    }

    /**
     * Migrates only when the schema is not current ({@link #isCurrent}), so a start on a current schema takes no lock;
     * otherwise Flyway migrates, or refuses a history that differs from this jar's migrations with its own message.
     * Then warns of tables that do not compare text exactly ({@link ExactCollation}).
     */
    public static int migrateIfBehind(DataSource dataSource) {
        int applied = isCurrent(dataSource) ? 0 : migrate(dataSource);
        ExactCollation.warnIfInexact(dataSource);
        return applied;
    }

    /**
     * Whether the schema holds every migration of this jar, each as it is here: read from Flyway's history table
     * without starting Flyway (which costs a short command most of its start-up), and as strict as Flyway's own
     * validation. A migration missing, failed, or applied from a script that differs from the jar's (its checksum), or
     * an applied version this jar does not know below its newest, makes the schema not current, so that Flyway then
     * runs and either migrates or refuses with its own message. Versions above this jar's newest (a newer Gatekey's,
     * during a rolling upgrade) and the baseline are ignored, as Flyway ignores them.
     */
    public static boolean isCurrent(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return isCurrent(connection);
        } catch (SQLException e) {
            return false;
        }
    }

    /** The same, on a connection the caller holds. */
    public static boolean isCurrent(Connection connection) {
        try {
            // Looked up first, so a new database is not asked for a table it lacks (H2 would trace the error to a file).
            try (ResultSet table = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), HISTORY, new String[] {"TABLE"})) {
                if (!table.next()) {
                    return false;
                }
            }
            int found = 0;
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT version, checksum, success, type FROM " + HISTORY + " WHERE version IS NOT NULL")) {
                while (rs.next()) {
                    int version = Integer.parseInt(rs.getString(1));
                    Integer recorded = rs.getObject(2, Integer.class);
                    boolean success = rs.getBoolean(3);
                    if (version > LATEST_VERSION || NOT_MIGRATIONS.contains(rs.getString(4)) && success) {
                        continue;
                    }
                    Integer expected = CHECKSUMS_BY_VERSION.get(version);
                    if (!success || expected == null || !expected.equals(recorded)) {
                        return false;
                    }
                    found++;
                }
            }
            return found == CHECKSUMS_BY_VERSION.size();
        } catch (SQLException | NumberFormatException e) {
            return false;
        }
    }

    private static Map<Integer, Integer> readChecksums() {
        Properties file = new Properties();
        try (InputStream in = SchemaMigrations.class.getClassLoader().getResourceAsStream(CHECKSUMS)) {
            if (in == null) {
                throw new IllegalStateException(CHECKSUMS + " is missing from the class path");
            }
            file.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CHECKSUMS, e);
        }
        Map<Integer, Integer> checksums = new HashMap<>();
        file.forEach((version, checksum) -> checksums.put(Integer.valueOf((String) version), Integer.valueOf((String) checksum)));
        return Map.copyOf(checksums);
    }
}
