package io.gatekey.adapter.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ids, login ids, serial numbers and nonces compare exactly, byte for byte, on MariaDB as on the embedded default.
 * MariaDB's default collation ({@code utf8mb4_general_ci}) compares text ignoring case and accents: there "Alice" and
 * "alice" would be one login id, and an access key id written in lower case would name the key. So a new database is
 * given {@value #COLLATION} as its default before the first migration creates the tables, and a start on a schema
 * whose tables were created otherwise says which they are and the statements that convert them.
 */
final class ExactCollation {

    static final String COLLATION = "utf8mb4_bin";
    private static final Logger LOG = LoggerFactory.getLogger(ExactCollation.class);

    private ExactCollation() {
    }

    /** On a MariaDB database no migration has touched, makes {@value #COLLATION} the default for the tables to come. */
    static void setForNewTables(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (!Statements.isMariaDb(connection) || COLLATION.equals(text(statement, "SELECT @@collation_database"))) {
                return;
            }
            statement.execute("ALTER DATABASE CHARACTER SET utf8mb4 COLLATE " + COLLATION);
            LOG.info("The new database's tables compare text exactly: its default collation is now {}", COLLATION);
        } catch (SQLException e) {
            LOG.warn("Could not make {} the new database's default collation ({}): its tables will compare text as the database's "
                    + "default does; create the database with CHARACTER SET utf8mb4 COLLATE {}", COLLATION, e.getMessage(), COLLATION);
        }
    }

    /** Logs {@link #warning} for the schema, if it has one. */
    static void warnIfInexact(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            warning(connection).ifPresent(LOG::warn);
        } catch (SQLException e) {
            LOG.debug("Could not read the schema's collations", e);
        }
    }

    /** On MariaDB, the warning for a schema with tables whose text columns do not compare exactly. */
    static Optional<String> warning(Connection connection) throws SQLException {
        if (!Statements.isMariaDb(connection)) {
            return Optional.empty();
        }
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT DISTINCT table_name FROM information_schema.columns WHERE table_schema = DATABASE() "
                     + "AND collation_name IS NOT NULL AND collation_name NOT LIKE '%\\_bin' AND table_name <> '" + SchemaLock.TABLE + "' ORDER BY table_name")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        if (tables.isEmpty()) {
            return Optional.empty();
        }
        // MariaDB changes no column a foreign key joins, so the keys go first and come back after.
        List<ForeignKey> foreignKeys = foreignKeys(connection);
        StringBuilder statements = new StringBuilder();
        foreignKeys.forEach(key -> statements.append("ALTER TABLE ").append(key.table()).append(" DROP FOREIGN KEY ").append(key.name()).append("; "));
        statements.append("ALTER DATABASE CHARACTER SET utf8mb4 COLLATE ").append(COLLATION).append(';');
        tables.forEach(table -> statements.append(" ALTER TABLE ").append(table).append(" CONVERT TO CHARACTER SET utf8mb4 COLLATE ")
                .append(COLLATION).append(';'));
        foreignKeys.forEach(key -> statements.append(" ALTER TABLE ").append(key.table()).append(" ADD CONSTRAINT ").append(key.name())
                .append(' ').append(key.definition()).append(';'));
        return Optional.of(tables.size() + " tables of this database compare text ignoring case (" + String.join(", ", tables)
                + "), where Gatekey compares ids and login ids exactly: \"Alice\" and \"alice\" are taken for one login id. "
                + "Convert them while no node runs (each table is rewritten): " + statements);
    }

    /** A foreign key of the schema; {@code definition} is what follows its name in {@code ADD CONSTRAINT}. */
    private record ForeignKey(String table, String name, String definition) {
    }

    private static List<ForeignKey> foreignKeys(Connection connection) throws SQLException {
        List<ForeignKey> keys = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT k.table_name, k.constraint_name, "
                     + "GROUP_CONCAT(k.column_name ORDER BY k.ordinal_position), k.referenced_table_name, "
                     + "GROUP_CONCAT(k.referenced_column_name ORDER BY k.ordinal_position), r.delete_rule, r.update_rule "
                     + "FROM information_schema.key_column_usage k JOIN information_schema.referential_constraints r "
                     + "ON r.constraint_schema = k.table_schema AND r.table_name = k.table_name AND r.constraint_name = k.constraint_name "
                     + "WHERE k.table_schema = DATABASE() AND k.referenced_table_name IS NOT NULL "
                     + "GROUP BY k.table_name, k.constraint_name, k.referenced_table_name, r.delete_rule, r.update_rule "
                     + "ORDER BY k.table_name, k.constraint_name")) {
            while (rows.next()) {
                keys.add(new ForeignKey(rows.getString(1), rows.getString(2), "FOREIGN KEY (" + rows.getString(3) + ") REFERENCES " + rows.getString(4)
                        + " (" + rows.getString(5) + ") ON DELETE " + rows.getString(6) + " ON UPDATE " + rows.getString(7)));
            }
        }
        return keys;
    }

    private static String text(Statement statement, String query) throws SQLException {
        try (ResultSet rows = statement.executeQuery(query)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
