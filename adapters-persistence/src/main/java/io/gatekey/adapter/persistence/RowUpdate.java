package io.gatekey.adapter.persistence;

import io.micronaut.data.connection.ConnectionOperations;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;

/**
 * A conditional {@code UPDATE} of one row, by its key, that applies only to the row as its caller read it
 * (compare-and-set): it changes that row or nothing. In a shared transaction it is gathered and counted as
 * applied; should it miss in the shared commit, its work is left out of that commit and runs again in a
 * transaction of its own.
 */
final class RowUpdate {

    private final String table;
    private final String sql;
    private final int keyParameter;

    /** {@code sql}: an {@code UPDATE} of {@code table}; the row's key is its parameter {@code keyParameter} (from 1). */
    RowUpdate(String table, String sql, int keyParameter) {
        this.table = table;
        this.sql = sql;
        this.keyParameter = keyParameter;
    }

    /** Updates the row now (through the current connection, or one of its own) or gathers it; how many rows it changed. */
    int updateOrGather(ConnectionOperations<Connection> connections, Object... values) {
        SharedWrites shared = SharedWrites.gathering();
        if (shared != null) {
            shared.add(this, values);
            return 1;
        }
        return connections.executeWrite(status -> run(status.getConnection(), values));
    }

    /** The row the update is for: two updates of one row in one shared commit would judge the same state twice. */
    String rowOf(Object[] values) {
        return table + "/" + values[keyParameter - 1];
    }

    int run(Connection connection, Object[] values) {
        return Statements.update(connection, sql, Arrays.asList(values));
    }

    /** Applies the update to several rows at once (one batch of statements); whether each changed its row, in order. */
    boolean[] runEach(Connection connection, List<Object[]> rows) {
        return Statements.updateEachOne(connection, sql, rows);
    }
}
