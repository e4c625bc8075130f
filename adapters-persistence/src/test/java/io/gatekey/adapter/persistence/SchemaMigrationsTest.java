package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaMigrationsTest {

    @Test
    void theLatestVersionIsTheNewestMigration() throws Exception {
        Path folder = Path.of(getClass().getResource("/db/migration").toURI());
        int newest;
        try (Stream<Path> scripts = Files.list(folder)) {
            newest = scripts.map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .max().orElseThrow();
        }
        assertEquals(Math.max(newest, AuditChainBackfill.VERSION), SchemaMigrations.LATEST_VERSION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void anEmptyDatabaseIsBehindUntilMigratedAndTheSchemaLockIsReleased(String kind) throws Exception {
        TestDatabases.Database database = kind.equals("h2") ? TestDatabases.newH2Database() : TestDatabases.newMariaDbDatabase();
        DataSource dataSource = new DriverManagerDataSource(database);
        assertFalse(SchemaMigrations.isCurrent(dataSource));
        assertEquals(SchemaMigrations.LATEST_VERSION, SchemaMigrations.migrate(dataSource));
        assertTrue(SchemaMigrations.isCurrent(dataSource));
        assertEquals(0, SchemaMigrations.migrate(dataSource));
        assertEquals(0, SchemaMigrations.migrateIfBehind(dataSource));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + SchemaLock.TABLE)) {
            rs.next();
            assertEquals(0, rs.getInt(1), "released");
        }
    }

    @Test
    void aSchemaHoldingOtherTablesIsRefusedAsFlywayRefusesIt() throws Exception {
        TestDatabases.Database database = TestDatabases.newH2Database();
        DataSource dataSource = new DriverManagerDataSource(database);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE someone_elses (id INT PRIMARY KEY)");
        }
        assertThrows(FlywayException.class, () -> SchemaMigrations.migrate(dataSource));
    }

    @Test
    void aLockLeftByADeadProcessIsTakenOverOnceStale() throws Exception {
        TestDatabases.Database database = TestDatabases.newH2Database();
        DataSource dataSource = new DriverManagerDataSource(database);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + SchemaLock.TABLE + " (id INT NOT NULL PRIMARY KEY, holder VARCHAR(200) NOT NULL, acquired_ms BIGINT NOT NULL)");
            long stale = System.currentTimeMillis() - SchemaLock.STALE_AFTER.toMillis() - 1000;
            statement.execute("INSERT INTO " + SchemaLock.TABLE + " VALUES (1, 'a process that died', " + stale + ")");
        }
        assertEquals(SchemaMigrations.LATEST_VERSION, SchemaMigrations.migrate(dataSource));
    }

    @Test
    void theChecksumsAStartComparesAreTheOnesFlywayRecords() throws Exception {
        DataSource dataSource = new DriverManagerDataSource(TestDatabases.newH2Database());
        SchemaMigrations.migrate(dataSource);
        TreeMap<Integer, Integer> recorded = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version, checksum FROM flyway_schema_history WHERE version IS NOT NULL AND type <> 'BASELINE'")) {
            while (rs.next()) {
                recorded.put(Integer.valueOf(rs.getString(1)), rs.getInt(2));
            }
        }
        String lines = recorded.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
        assertEquals(recorded, new TreeMap<>(SchemaMigrations.CHECKSUMS_BY_VERSION), SchemaMigrations.CHECKSUMS + " must hold:\n" + lines);
        assertEquals(SchemaMigrations.LATEST_VERSION, recorded.lastKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void aScriptChangedAfterItWasAppliedIsNotCurrentAndFlywayRefusesIt(String kind) throws Exception {
        DataSource dataSource = migrated(kind);
        FlywayException refused = refusedAfter(dataSource, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '3'");
        assertTrue(refused.getMessage().contains("checksum mismatch for migration version 3"), refused.getMessage());

        history(dataSource, "UPDATE flyway_schema_history SET checksum = checksum - 1 WHERE version = '3'");
        assertTrue(SchemaMigrations.isCurrent(dataSource));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void aFailedOrMissingMigrationIsNotCurrentAndFlywayRefusesIt(String kind) throws Exception {
        FlywayException failed = refusedAfter(migrated(kind), "UPDATE flyway_schema_history SET success = FALSE WHERE version = '9'");
        assertTrue(failed.getMessage().contains("failed migration to version 9"), failed.getMessage());
        FlywayException missing = refusedAfter(migrated(kind), "DELETE FROM flyway_schema_history WHERE version = '5'");
        assertTrue(missing.getMessage().contains("not applied to database: 5"), missing.getMessage());
    }

    /** Changes the history of a current schema, then finds it not current and Flyway refusing it. */
    private static FlywayException refusedAfter(DataSource dataSource, String change) throws SQLException {
        history(dataSource, change);
        assertFalse(SchemaMigrations.isCurrent(dataSource));
        return assertThrows(FlywayException.class, () -> SchemaMigrations.migrateIfBehind(dataSource));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void aNewerGatekeysMigrationLeavesTheSchemaCurrentAsFlywayLeavesIt(String kind) throws Exception {
        DataSource dataSource = migrated(kind);
        int next = SchemaMigrations.LATEST_VERSION + 1;
        history(dataSource, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) SELECT MAX(installed_rank) + 1, '" + next + "', 'newer', 'SQL',"
                + " 'V" + next + "__newer.sql', 1, 'a newer node', 1, TRUE FROM flyway_schema_history");
        assertTrue(SchemaMigrations.isCurrent(dataSource));
        assertEquals(0, SchemaMigrations.migrate(dataSource), "Flyway ignores a future migration too");
    }

    private static DataSource migrated(String kind) {
        DataSource dataSource = new DriverManagerDataSource(kind.equals("h2") ? TestDatabases.newH2Database() : TestDatabases.newMariaDbDatabase());
        assertEquals(SchemaMigrations.LATEST_VERSION, SchemaMigrations.migrate(dataSource));
        assertTrue(SchemaMigrations.isCurrent(dataSource));
        return dataSource;
    }

    private static void history(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertEquals(1, statement.executeUpdate(sql));
        }
    }

    /** A data source with no pool, as a short command would open. */
    private record DriverManagerDataSource(TestDatabases.Database database) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(database.url(), database.user(), database.password());
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return DriverManager.getConnection(database.url(), user, password);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
