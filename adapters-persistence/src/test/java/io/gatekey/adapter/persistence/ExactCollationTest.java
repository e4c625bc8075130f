package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.port.in.account.CreateAccountUseCase;
import io.gatekey.application.port.in.account.CreateSubAccountUseCase;
import io.gatekey.application.port.in.account.FindSubAccountByNameUseCase;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.AccountName;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountName;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Text compares exactly on MariaDB whatever the database's default collation was. */
class ExactCollationTest {

    private static final String INEXACT_COLUMNS = "SELECT CONCAT(table_name, '.', column_name) FROM information_schema.columns "
            + "WHERE table_schema = DATABASE() AND collation_name IS NOT NULL AND collation_name <> 'utf8mb4_bin' ORDER BY 1";

    private static final String FOREIGN_KEYS = "SELECT CONCAT_WS(' ', table_name, constraint_name, referenced_table_name, delete_rule) "
            + "FROM information_schema.referential_constraints WHERE constraint_schema = DATABASE() ORDER BY 1";

    @Test
    void aNewDatabaseThatIgnoresCaseGetsTablesThatDoNot() throws Exception {
        TestDatabases.Database database = TestDatabases.newMariaDbDatabase("utf8mb4_general_ci");
        try (PersistentGatekey gatekey = PersistentGatekey.onDatabase(database.url(), database.user(), database.password())
                .masterKey(TestStore.MASTER_KEY).open()) {
            var useCases = gatekey.useCases();
            AccountId account = useCases.createAccount().create(new CreateAccountUseCase.Command(gatekey.operator(), new AccountName("Acme")))
                    .account().id();
            SubAccount upper = useCases.createSubAccount().create(new CreateSubAccountUseCase.Command(gatekey.operator(), account, new SubAccountName("Alice")));
            SubAccount lower = useCases.createSubAccount().create(new CreateSubAccountUseCase.Command(gatekey.operator(), account, new SubAccountName("alice")));
            assertEquals(Optional.of(lower.id()), useCases.findSubAccountByName().find(
                    new FindSubAccountByNameUseCase.Query(gatekey.operator(), account, new SubAccountName("alice"))).map(SubAccount::id));
            assertEquals(Optional.of(upper.id()), useCases.findSubAccountByName().find(
                    new FindSubAccountByNameUseCase.Query(gatekey.operator(), account, new SubAccountName("Alice"))).map(SubAccount::id));
            assertEquals(Optional.empty(), useCases.findSubAccountByName().find(
                    new FindSubAccountByNameUseCase.Query(gatekey.operator(), account, new SubAccountName("ALICE"))));
        }
        try (Connection connection = connect(database)) {
            assertEquals(List.of("utf8mb4_bin"), rows(connection, "SELECT @@collation_database"));
            assertEquals(List.of(SchemaLock.TABLE + ".holder"), rows(connection, INEXACT_COLUMNS), "only the lock's table predates the change");
            assertEquals(Optional.empty(), ExactCollation.warning(connection));
        }
    }

    @Test
    void aSchemaWhoseTablesIgnoreCaseIsToldHowToConvertThem() throws Exception {
        TestDatabases.Database database = TestDatabases.newMariaDbDatabase("utf8mb4_general_ci");
        // As a version of Gatekey before the collation was set would have left it.
        SchemaMigrations.configure().dataSource(database.url(), database.user(), database.password()).load().migrate();
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            List<String> tables = rows(connection, "SELECT DISTINCT table_name FROM information_schema.columns WHERE table_schema = DATABASE() "
                    + "AND collation_name = 'utf8mb4_general_ci' ORDER BY 1");
            assertTrue(tables.containsAll(List.of("access_key", "mfa_device", "sub_account", "temporary_credential")), tables.toString());

            String warning = ExactCollation.warning(connection).orElseThrow();
            assertTrue(warning.startsWith(tables.size() + " tables of this database compare text ignoring case (" + String.join(", ", tables) + ")"),
                    warning);
            List<String> keysBefore = rows(connection, FOREIGN_KEYS);
            assertTrue(keysBefore.contains("temporary_credential fk_temporary_credential_sub_account sub_account CASCADE"), keysBefore.toString());
            String statements = warning.substring(warning.indexOf("ALTER TABLE access_key DROP FOREIGN KEY"));
            assertTrue(statements.startsWith("ALTER TABLE access_key DROP FOREIGN KEY fk_access_key_account; "), statements);
            assertTrue(statements.contains("ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_bin; ALTER TABLE access_key CONVERT TO "
                    + "CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;"), statements);
            assertTrue(statements.contains(" ALTER TABLE temporary_credential ADD CONSTRAINT fk_temporary_credential_sub_account FOREIGN KEY "
                    + "(sub_account_id) REFERENCES sub_account (id) ON DELETE CASCADE ON UPDATE RESTRICT;"), statements);
            for (String each : statements.split(";")) {
                if (!each.isBlank()) {
                    statement.execute(each);
                }
            }
            assertEquals(Optional.empty(), ExactCollation.warning(connection));
            assertEquals(List.of(), rows(connection, INEXACT_COLUMNS));
            assertEquals(keysBefore, rows(connection, FOREIGN_KEYS), "every foreign key back as it was");
        }
        try (PersistentGatekey gatekey = PersistentGatekey.onDatabase(database.url(), database.user(), database.password())
                .masterKey(TestStore.MASTER_KEY).open()) {
            var useCases = gatekey.useCases();
            AccountId account = useCases.createAccount().create(new CreateAccountUseCase.Command(gatekey.operator(), new AccountName("Acme")))
                    .account().id();
            useCases.createSubAccount().create(new CreateSubAccountUseCase.Command(gatekey.operator(), account, new SubAccountName("Alice")));
            useCases.createSubAccount().create(new CreateSubAccountUseCase.Command(gatekey.operator(), account, new SubAccountName("alice")));
        }
    }

    @Test
    void h2IsNotAsked() throws Exception {
        try (Connection connection = connect(TestDatabases.newH2Database())) {
            assertEquals(Optional.empty(), ExactCollation.warning(connection));
        }
    }

    private static Connection connect(TestDatabases.Database database) throws Exception {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    private static List<String> rows(Connection connection, String query) throws Exception {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
