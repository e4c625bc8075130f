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

    @Override
    public int purgeExpired(Instant now, int batchSize) {
        List<String> nonces = rows.listExpiredNonces(now.toEpochMilli(), batchSize);
        return nonces.isEmpty() ? 0 : rows.deleteExpired(now.toEpochMilli(), nonces);
    }
}
