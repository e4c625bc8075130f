package io.gatekey.adapter.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Brings a database's schema up to date with Gatekey's Flyway migrations, one migrating process at a time across
 * every node (see {@link SchemaLock}).
 */
public final class SchemaMigrations {

    public static final String LOCATION = "classpath:db/migration";
    /** The newest migration's version; a test keeps it equal to the newest script in {@code db/migration}. */
    public static final int LATEST_VERSION = 9;
    private static final String HISTORY = "flyway_schema_history";

    private SchemaMigrations() {
    }

    /** Returns how many migrations ran; zero when the schema was current. */
    public static int migrate(DataSource dataSource) {
        try (SchemaLock lock = SchemaLock.acquire(dataSource)) {
            // Flyway refuses a schema that holds tables but no history of its own: the lock's table alone is no
            // reason to, so a schema holding only that table starts a history of version 0.
            return configure().dataSource(dataSource)
                    .baselineOnMigrate(lock.isAloneInSchema()).baselineVersion("0")
                    .load().migrate().migrationsExecuted;
        }
    }

    /** Gatekey's migrations: the scripts in {@link #LOCATION} and the ones written in Java. */
    static FluentConfiguration configure() {
        return Flyway.configure().locations(LOCATION).javaMigrations(new AuditChainBackfill());
    }

    /** Migrates only when the schema is behind, so a start on a current schema takes no lock. */
    public static int migrateIfBehind(DataSource dataSource) {
        return isCurrent(dataSource) ? 0 : migrate(dataSource);
    }

    /**
     * Whether the schema already has the newest migration, read from Flyway's history table without starting Flyway
     * (which costs a short command most of its start-up).
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
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT version FROM " + HISTORY + " WHERE success = TRUE AND version IS NOT NULL")) {
                int newest = 0;
                while (rs.next()) {
                    newest = Math.max(newest, Integer.parseInt(rs.getString(1)));
                }
                return newest >= LATEST_VERSION;
            }
        } catch (SQLException | NumberFormatException e) {
            return false;
        }
    }
}
