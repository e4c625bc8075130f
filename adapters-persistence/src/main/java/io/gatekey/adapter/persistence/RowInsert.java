package io.gatekey.adapter.persistence;

import io.micronaut.data.exceptions.DataAccessException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** One {@code INSERT} statement for any number of rows: {@code INSERT INTO t (a, b) VALUES (?, ?), (?, ?)}. */
final class RowInsert {

    private final String head;
    private final String row;
    private final int width;

    /** {@code verb}: {@code INSERT}, or {@code INSERT IGNORE} to skip rows whose key is taken. */
    RowInsert(String verb, String table, String... columns) {
        this.head = verb + " INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
        this.row = "(" + "?, ".repeat(columns.length - 1) + "?)";
        this.width = columns.length;
    }

    /** Inserts the rows, each its values in the columns' order; how many rows it inserted. */
    int run(Connection connection, List<Object[]> rows) {
        StringBuilder sql = new StringBuilder(head.length() + rows.size() * (row.length() + 2)).append(head);
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(row);
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int parameter = 1;
            for (Object[] values : rows) {
                if (values.length != width) {
                    throw new IllegalArgumentException(values.length + " values for " + width + " columns: " + head);
                }
                for (Object value : values) {
                    statement.setObject(parameter++, value);
                }
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("Could not insert " + rows.size() + " row(s): " + e.getMessage(), e);
        }
    }
}
