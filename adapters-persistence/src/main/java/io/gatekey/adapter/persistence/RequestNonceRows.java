package io.gatekey.adapter.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface RequestNonceRows extends GenericRepository<RequestNonceRow, RequestNonceRow.Key> {

    /** Reuses a row whose remembrance has run out; the condition makes the takeover atomic. */
    @Query("UPDATE request_nonce SET expires_ms = :expiresMs WHERE access_key_id = :accessKeyId AND nonce = :nonce AND expires_ms <= :nowMs")
    int renewExpired(String accessKeyId, String nonce, long nowMs, long expiresMs);
}
