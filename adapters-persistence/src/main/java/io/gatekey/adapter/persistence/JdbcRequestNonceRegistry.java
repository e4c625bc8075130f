package io.gatekey.adapter.persistence;

import io.gatekey.application.port.out.RequestNonceRegistry;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/** Request nonces in the database: the primary key makes "first use wins" atomic across nodes. */
@Singleton
@StorageBoundary
class JdbcRequestNonceRegistry implements RequestNonceRegistry {

    /** One row for each nonce that is new, none for one the key used before (no error, so nothing about it is logged). */
    static final RowInsert INSERT_NEW = new RowInsert("INSERT IGNORE", "request_nonce", 2, "access_key_id", "nonce", "expires_ms");

    private static final String EXPIRED = "SELECT access_key_id, nonce FROM request_nonce WHERE expires_ms < ? ORDER BY expires_ms LIMIT ?";
    private static final String DELETE_EXPIRED = "DELETE FROM request_nonce WHERE access_key_id = ? AND nonce = ? AND expires_ms < ?";

    private final RequestNonceRows rows;
    private final ConnectionOperations<Connection> connections;

    JdbcRequestNonceRegistry(RequestNonceRows rows, ConnectionOperations<Connection> connections) {
        this.rows = rows;
        this.connections = connections;
    }

    @Override
    @Shareable
    public boolean register(AccessKeyId key, String nonce, Instant now, Instant expiresAt) {
        // In a shared transaction the nonce counts as taken for now: the shared commit inserts it, or fails and the
        // work's own run finds it used.
        if (INSERT_NEW.insertOrGather(connections, new Object[] {key.value(), nonce, expiresAt.toEpochMilli()}) == 1) {
            return true;
        }
        // Used before: fresh again only if that use is no longer remembered.
        return rows.renewExpired(key.value(), nonce, now.toEpochMilli(), expiresAt.toEpochMilli()) == 1;
    }

    /**
     * Chosen by the expiry index, each deleted by its primary key (one JDBC batch). A delete that chose them itself,
     * or one whose plan the optimizer may pick (a list of keys with the expiry's range), can scan the table and, under
     * MariaDB's repeatable read, lock every row it passes: the nonces inserted meanwhile would wait for it, or
     * deadlock with it.
     */
    @Override
    public int purgeExpired(Instant now, int batchSize) {
        long nowMs = now.toEpochMilli();
        List<Object[]> keys = connections.executeRead(status -> Statements.query(status.getConnection(), EXPIRED, List.of(nowMs, batchSize),
                row -> new Object[] {row.getString(1), row.getString(2), nowMs}));
        if (keys.isEmpty()) {
            return 0;
        }
        boolean[] deleted = connections.executeWrite(status -> Statements.updateEachOne(status.getConnection(), DELETE_EXPIRED, keys));
        int count = 0;
        for (boolean one : deleted) {
            count += one ? 1 : 0;
        }
        return count;
    }
}
