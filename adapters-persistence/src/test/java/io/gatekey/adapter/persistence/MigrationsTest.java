package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashSet;
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
}
