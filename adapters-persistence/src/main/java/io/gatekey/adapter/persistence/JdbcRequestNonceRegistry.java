package io.gatekey.adapter.persistence;

import io.gatekey.application.port.out.RequestNonceRegistry;
import io.gatekey.domain.accesskey.AccessKeyId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;

/** Request nonces in the database: the primary key makes "first use wins" atomic across nodes. */
@Singleton
@StorageBoundary
class JdbcRequestNonceRegistry implements RequestNonceRegistry {

    private final RequestNonceRows rows;

    JdbcRequestNonceRegistry(RequestNonceRows rows) {
        this.rows = rows;
    }

    @Override
    public boolean register(AccessKeyId key, String nonce, Instant now, Instant expiresAt) {
        if (rows.insertIfAbsent(key.value(), nonce, expiresAt.toEpochMilli()) == 1) {
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
