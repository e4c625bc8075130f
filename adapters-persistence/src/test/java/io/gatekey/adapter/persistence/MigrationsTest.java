package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationsTest {

    private static TestDatabases.Database fresh(String kind) {
        return kind.equals("h2") ? TestDatabases.newH2Database() : TestDatabases.newMariaDbDatabase();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void migratingTwiceChangesNothingTheSecondTime(String kind) {
        TestDatabases.Database database = fresh(kind);
        Flyway flyway = SchemaMigrations.configure().dataSource(database.url(), database.user(), database.password()).load();
        assertEquals(SchemaMigrations.LATEST_VERSION, flyway.migrate().migrationsExecuted);
        assertEquals(0, flyway.migrate().migrationsExecuted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void startingOnAnEmptyDatabaseCreatesTheSchema(String kind) throws Exception {
        TestDatabases.Database database = fresh(kind);
        try (TestStore store = TestStore.open(database, Map.of());
             Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            Set<String> tables = new HashSet<>();
            try (ResultSet rs = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME").toLowerCase());
                }
            }
            assertTrue(tables.containsAll(Set.of("account", "sub_account", "access_key", "mfa_device", "temporary_credential", "audit_event")), tables.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void credentialsAndNoncesAreKeptInWriteOrderAndStayUniqueByTheirOwnKeysAcrossTheUpgrade(String kind) throws Exception {
        TestDatabases.Database database = fresh(kind);
        SchemaMigrations.configure().dataSource(database.url(), database.user(), database.password()).target("12").load().migrate();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO account (id, name, created_ms) VALUES ('acct', 'Acme', 0)");
            statement.execute("INSERT INTO sub_account (id, account_id, name, active, created_ms) VALUES ('alice', 'acct', 'alice', TRUE, 0)");
            statement.execute(credential("GKTKB"));
            statement.execute(credential("GKTKA"));
            statement.execute("INSERT INTO request_nonce (access_key_id, nonce, expires_ms) VALUES ('GKAK1', 'n2', 0), ('GKAK1', 'n1', 0)");

            SchemaMigrations.configure().dataSource(database.url(), database.user(), database.password()).load().migrate();

            assertEquals(List.of("seq"), primaryKey(connection, "temporary_credential"));
            assertEquals(List.of("seq"), primaryKey(connection, "request_nonce"));
            assertEquals(Set.of("GKTKA", "GKTKB"), Set.copyOf(column(statement, "SELECT access_key_id FROM temporary_credential")));
            statement.execute(credential("GKTK0"));
            assertEquals(List.of("GKTK0"), column(statement, "SELECT access_key_id FROM temporary_credential ORDER BY seq DESC LIMIT 1"),
                    "a new row goes after the others, whatever its id");
            SQLException duplicate = assertThrows(SQLException.class, () -> statement.execute(credential("GKTKA")));
            assertTrue(duplicate.getSQLState().startsWith("23"), duplicate.getSQLState());
            assertEquals(0, statement.executeUpdate("INSERT IGNORE INTO request_nonce (access_key_id, nonce, expires_ms) VALUES ('GKAK1', 'n1', 9)"));
            assertEquals(1, statement.executeUpdate("INSERT IGNORE INTO request_nonce (access_key_id, nonce, expires_ms) VALUES ('GKAK1', 'n3', 9)"));
            assertEquals(List.of("n3"), column(statement, "SELECT nonce FROM request_nonce ORDER BY seq DESC LIMIT 1"));
        }
    }

    private static String credential(String id) {
        return "INSERT INTO temporary_credential (access_key_id, account_id, sub_account_id, secret_sealed, token_sealed, key_version, created_ms, "
                + "expires_ms, revoked) VALUES ('" + id + "', 'acct', 'alice', X'00', X'00', 1, 0, 0, FALSE)";
    }

    private static List<String> primaryKey(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getPrimaryKeys(connection.getCatalog(), connection.getSchema(), table)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME").toLowerCase());
            }
        }
        return columns;
    }

    private static List<String> column(Statement statement, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
