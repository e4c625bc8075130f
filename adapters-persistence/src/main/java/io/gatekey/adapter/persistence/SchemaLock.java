package io.gatekey.adapter.persistence;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one lock that holds across every node of the database, for schema migrations. Flyway's own lock does not:
 * on MariaDB it is a named lock ({@code GET_LOCK}), and on Galera, where named locks stay on one node, Flyway falls
 * back to a row lock, which also stays on one node; two Gatekey nodes starting together on two cluster nodes
 * would both run the same migration. This lock is a row with a fixed primary key: inserting it is the acquisition,
 * and of several nodes inserting it at once exactly one commits (the others meet the key or lose certification).
 * The others wait for the row to go. A row older than {@link #STALE_AFTER} was left by a process that died
 * while migrating and is taken over.
 */
final class SchemaLock implements AutoCloseable {

    static final String TABLE = "gatekey_schema_lock";
    static final Duration STALE_AFTER = Duration.ofMinutes(10);
    private static final Duration WAIT = Duration.ofMinutes(15);
    private static final Logger LOG = LoggerFactory.getLogger(SchemaLock.class);

    private final DataSource dataSource;
    private final String holder;

    private SchemaLock(DataSource dataSource, String holder) {
        this.dataSource = dataSource;
        this.holder = holder;
    }

    static SchemaLock acquire(DataSource dataSource) {
        String holder = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        boolean told = false;
        try {
            createTable(dataSource);
            while (true) {
                if (tryInsert(dataSource, holder)) {
                    return new SchemaLock(dataSource, holder);
                }
                String current = takeOverIfStale(dataSource);
                if (current != null && !told) {
                    LOG.info("Waiting for {} to finish migrating the schema", current);
                    told = true;
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("the schema lock is held by " + current + " for more than " + WAIT
                            + "; if that process is gone, DELETE FROM " + TABLE);
                }
                Thread.sleep(200);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the schema lock: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the schema lock", e);
        }
    }

    private static void createTable(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE
                    + " (id INT NOT NULL PRIMARY KEY, holder VARCHAR(200) NOT NULL, acquired_ms BIGINT NOT NULL)");
        }
    }

    private static boolean tryInsert(DataSource dataSource, String holder) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " (id, holder, acquired_ms) VALUES (1, ?, ?)")) {
            connection.setAutoCommit(true);
            insert.setString(1, holder);
            insert.setLong(2, System.currentTimeMillis());
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e) || SqlErrors.isWriteConflict(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Who holds the lock, or null if nobody does now; a stale holder's row is deleted. */
    private static String takeOverIfStale(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT holder, acquired_ms FROM " + TABLE + " WHERE id = 1")) {
            connection.setAutoCommit(true);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String current = rs.getString(1);
                long acquired = rs.getLong(2);
                if (System.currentTimeMillis() - acquired < STALE_AFTER.toMillis()) {
                    return current;
                }
                LOG.warn("Taking over the schema lock left by {} {} ago", current, Duration.ofMillis(System.currentTimeMillis() - acquired));
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE id = 1 AND holder = ? AND acquired_ms = ?")) {
                    delete.setString(1, current);
                    delete.setLong(2, acquired);
                    delete.executeUpdate();
                }
                return null;
            }
        }
    }

    /** Whether the lock's table is the only table of the schema (a database no migration has touched yet). */
    boolean isAloneInSchema() {
        try (Connection connection = dataSource.getConnection();
             ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                if (!TABLE.equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
                    return false;
                }
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the schema's tables: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE id = 1 AND holder = ?")) {
            connection.setAutoCommit(true);
            delete.setString(1, holder);
            delete.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("Could not release the schema lock (it goes stale after {}): {}", STALE_AFTER, e.getMessage());
        }
    }
}
