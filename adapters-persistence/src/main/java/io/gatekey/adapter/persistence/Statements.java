package io.gatekey.adapter.persistence;

import io.micronaut.data.exceptions.DataAccessException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plain JDBC on a transaction's connection: the writes the repositories' queries cannot express, and the helpers of
 * the hot reads that map their rows by column position.
 */
final class Statements {

    private Statements() {
    }

    /** Whether the connection is MariaDB's (through a pool's proxy too), where H2 is not. */
    static boolean isMariaDb(Connection connection) throws SQLException {
        return connection.isWrapperFor(org.mariadb.jdbc.Connection.class);
    }

    /**
     * {@code CASE column WHEN ? THEN ? ... END}, a branch per entry (the key matched, its value the result), the
     * entries' keys and values added to {@code parameters} in the order of the branches.
     */
    static String caseOf(String column, List<? extends Map.Entry<?, ?>> entries, List<Object> parameters) {
        StringBuilder sql = new StringBuilder("CASE ").append(column);
        for (Map.Entry<?, ?> entry : entries) {
            sql.append(" WHEN ? THEN ?");
            parameters.add(entry.getKey());
            parameters.add(entry.getValue());
        }
        return sql.append(" END").toString();
    }

    /** Runs {@code sql} with {@code values} as its parameters, in order; how many rows it changed. */
    static int update(Connection connection, String sql, List<?> values) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                bind(statement, i + 1, values.get(i));
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /**
     * Runs {@code sql} once per row of parameters, as one JDBC batch (the driver sends the statements without
     * waiting for each answer); whether each row's statement changed exactly one row, in the rows' order.
     */
    static boolean[] updateEachOne(Connection connection, String sql, List<Object[]> rows) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    bind(statement, i + 1, row[i]);
                }
                statement.addBatch();
            }
            int[] changed = statement.executeBatch();
            boolean[] one = new boolean[rows.size()];
            if (changed.length != one.length) {
                return one;
            }
            for (int i = 0; i < one.length; i++) {
                one[i] = changed[i] == 1;
            }
            return one;
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /**
     * Sets one parameter with the setter of its value's type. MariaDB's driver answers {@code setObject} by asking
     * each of its codecs in turn whether it takes the value: about 6% of the issuing threads' CPU under load.
     */
    static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else if (value instanceof byte[] bytes) {
            statement.setBytes(index, bytes);
        } else {
            statement.setObject(index, value);
        }
    }

    /** The column's value, or null where it holds SQL NULL. */
    static Long nullableLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    /** Maps the current row of a result set. */
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** The rows {@code sql} selects with {@code values} as its parameters, in order, each mapped. */
    static <T> List<T> query(Connection connection, String sql, List<?> values, RowMapper<T> mapper) {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                bind(select, i + 1, values.get(i));
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(mapper.map(row));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** The one row {@code sql} selects for {@code id}, mapped; empty when there is none. */
    static <T> Optional<T> queryOne(Connection connection, String sql, String id, RowMapper<T> mapper) {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(mapper.map(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    static DataAccessException failed(String sql, SQLException e) {
        return new DataAccessException("Could not run " + sql.substring(0, Math.min(sql.length(), 60)) + "...: " + e.getMessage(), e);
    }
}
