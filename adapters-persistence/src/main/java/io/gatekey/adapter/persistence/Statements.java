package io.gatekey.adapter.persistence;

import io.micronaut.data.exceptions.DataAccessException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Plain JDBC writes on a transaction's connection, for the statements the repositories' queries cannot express. */
final class Statements {

    private Statements() {
    }

    /** Runs {@code sql} with {@code values} as its parameters, in order; how many rows it changed. */
    static int update(Connection connection, String sql, List<?> values) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("Could not run " + sql.substring(0, Math.min(sql.length(), 60)) + "...: " + e.getMessage(), e);
        }
    }
}
