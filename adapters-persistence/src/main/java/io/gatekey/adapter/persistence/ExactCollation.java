package io.gatekey.adapter.persistence;

import io.micronaut.data.exceptions.DataAccessException;
import java.sql.Connection;
import java.sql.SQLException;
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
        try (Connection connection = dataSource.getConnection()) {
            if (!Statements.isMariaDb(connection)
                    || Statements.query(connection, "SELECT @@collation_database", List.of(), row -> row.getString(1)).contains(COLLATION)) {
                return;
            }
            Statements.update(connection, "ALTER DATABASE CHARACTER SET utf8mb4 COLLATE " + COLLATION, List.of());
            LOG.info("The new database's tables compare text exactly: its default collation is now {}", COLLATION);
        } catch (SQLException | DataAccessException e) {
            LOG.warn("Could not make {} the new database's default collation ({}): its tables will compare text as the database's "
                    + "default does; create the database with CHARACTER SET utf8mb4 COLLATE {}", COLLATION, e.getMessage(), COLLATION);
        }
    }

    /** Logs {@link #warning} for the schema, if it has one. */
    static void warnIfInexact(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            warning(connection).ifPresent(LOG::warn);
        } catch (SQLException | DataAccessException e) {
            LOG.debug("Could not read the schema's collations", e);
        }
    }

    /** On MariaDB, the warning for a schema with tables whose text columns do not compare exactly. */
    static Optional<String> warning(Connection connection) throws SQLException {
        if (!Statements.isMariaDb(connection)) {
            return Optional.empty();
        }
        List<String> tables = Statements.query(connection, "SELECT DISTINCT table_name FROM information_schema.columns WHERE table_schema = DATABASE() "
                + "AND collation_name IS NOT NULL AND collation_name NOT LIKE '%\\_bin' AND table_name <> ? ORDER BY table_name",
                List.of(SchemaLock.TABLE), row -> row.getString(1));
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

    private static List<ForeignKey> foreignKeys(Connection connection) {
        return Statements.query(connection, "SELECT k.table_name, k.constraint_name, "
                + "GROUP_CONCAT(k.column_name ORDER BY k.ordinal_position), k.referenced_table_name, "
                + "GROUP_CONCAT(k.referenced_column_name ORDER BY k.ordinal_position), r.delete_rule, r.update_rule "
                + "FROM information_schema.key_column_usage k JOIN information_schema.referential_constraints r "
                + "ON r.constraint_schema = k.table_schema AND r.table_name = k.table_name AND r.constraint_name = k.constraint_name "
                + "WHERE k.table_schema = DATABASE() AND k.referenced_table_name IS NOT NULL "
                + "GROUP BY k.table_name, k.constraint_name, k.referenced_table_name, r.delete_rule, r.update_rule "
                + "ORDER BY k.table_name, k.constraint_name", List.of(),
                row -> new ForeignKey(row.getString(1), row.getString(2), "FOREIGN KEY (" + row.getString(3) + ") REFERENCES " + row.getString(4)
                        + " (" + row.getString(5) + ") ON DELETE " + row.getString(6) + " ON UPDATE " + row.getString(7)));
    }
}
