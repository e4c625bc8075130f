package io.gatekey.adapter.persistence;

import io.micronaut.data.connection.ConnectionOperations;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One {@code INSERT} statement for any number of rows: {@code INSERT INTO t (a, b) VALUES (?, ?), (?, ?)}. */
final class RowInsert {

    private final String head;
    private final String row;
    private final int width;
    private final String one;
    private final String table;
    private final List<String> key;

    /** {@code verb}: {@code INSERT}, or {@code INSERT IGNORE} to skip rows whose key is taken. */
    RowInsert(String verb, String table, String... columns) {
        this(verb, table, 0, columns);
    }

    /** The same, the table's primary key being the first {@code keyColumns} columns (so taken keys can be found). */
    RowInsert(String verb, String table, int keyColumns, String... columns) {
        this.head = verb + " INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
        this.row = "(" + "?, ".repeat(columns.length - 1) + "?)";
        this.width = columns.length;
        this.one = head + row;
        this.table = table;
        this.key = List.of(columns).subList(0, keyColumns);
    }

    /** Whether the key columns are known. */
    boolean keyed() {
        return !key.isEmpty();
    }

    /** The row's primary key, its first key columns' values; empty when the key columns are not known. */
    List<Object> keyOf(Object[] row) {
        return List.copyOf(Arrays.asList(row).subList(0, key.size()));
    }

    /** Which of the keys the table holds already (none when the key columns are not known). */
    Set<List<Object>> taken(Connection connection, Collection<List<Object>> keys) {
        Set<List<Object>> taken = new HashSet<>();
        if (!keyed() || keys.isEmpty()) {
            return taken;
        }
        String columns = String.join(", ", key);
        String tuple = "(" + "?, ".repeat(key.size() - 1) + "?)";
        String sql = "SELECT " + columns + " FROM " + table + " WHERE (" + columns + ") IN (" + String.join(", ", Collections.nCopies(keys.size(), tuple)) + ")";
        List<Object> values = new ArrayList<>(keys.size() * key.size());
        keys.forEach(values::addAll);
        taken.addAll(Statements.query(connection, sql, values, found -> {
            List<Object> one = new ArrayList<>(key.size());
            for (int column = 1; column <= key.size(); column++) {
                one.add(found.getObject(column));
            }
            return one;
        }));
        return taken;
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
