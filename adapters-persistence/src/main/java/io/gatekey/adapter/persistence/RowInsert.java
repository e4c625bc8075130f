package io.gatekey.adapter.persistence;

import io.micronaut.data.connection.ConnectionOperations;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One {@code INSERT} statement for any number of rows: {@code INSERT INTO t (a, b) VALUES (?, ?), (?, ?)}. */
final class RowInsert {

    private final String head;
    private final String row;
    private final int width;
    private final String one;

    /** {@code verb}: {@code INSERT}, or {@code INSERT IGNORE} to skip rows whose key is taken. */
    RowInsert(String verb, String table, String... columns) {
        this.head = verb + " INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
        this.row = "(" + "?, ".repeat(columns.length - 1) + "?)";
        this.width = columns.length;
        this.one = head + row;
    }

    /**
     * Inserts the row now, through the current connection (or one of its own), or, in a shared transaction,
     * gathers it for the shared commit and counts it as inserted: that commit fails whole if it is not.
     */
    int insertOrGather(ConnectionOperations<Connection> connections, Object[] values) {
        SharedWrites shared = SharedWrites.gathering();
        if (shared != null) {
            shared.add(this, values);
            return 1;
        }
        return connections.executeWrite(status -> run(status.getConnection(), List.<Object[]>of(values)));
    }

    /** Inserts the rows, each its values in the columns' order; how many rows it inserted. */
    int run(Connection connection, List<Object[]> rows) {
        List<Object> values = new ArrayList<>(rows.size() * width);
        for (Object[] row : rows) {
            if (row.length != width) {
                throw new IllegalArgumentException(row.length + " values for " + width + " columns: " + head);
            }
            values.addAll(Arrays.asList(row));
        }
        return Statements.update(connection, rows.size() == 1 ? one : sql(rows.size()), values);
    }

    private String sql(int rows) {
        StringBuilder sql = new StringBuilder(head.length() + rows * (row.length() + 2)).append(head).append(row);
        for (int i = 1; i < rows; i++) {
            sql.append(", ").append(row);
        }
        return sql.toString();
    }
}
