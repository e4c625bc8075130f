package io.gatekey.adapter.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface TemporaryCredentialRows extends GenericRepository<TemporaryCredentialRow, String> {

    Optional<TemporaryCredentialRow> findById(String accessKeyId);

    @Query("SELECT * FROM temporary_credential WHERE sub_account_id = :subAccountId AND expires_ms > :nowMs ORDER BY created_ms DESC, access_key_id")
    List<TemporaryCredentialRow> listUnexpired(String subAccountId, long nowMs);

    @Query("UPDATE temporary_credential SET revoked = TRUE WHERE access_key_id = :id AND revoked = FALSE")
    int revoke(String id);

    @Query("UPDATE temporary_credential SET revoked = TRUE WHERE sub_account_id = :subAccountId AND revoked = FALSE")
    int revokeAllOf(String subAccountId);

    @Query("UPDATE temporary_credential SET revoked = TRUE WHERE mfa_serial = :serial AND revoked = FALSE")
    int revokeAllFromDevice(String serial);

    @Query("SELECT access_key_id FROM temporary_credential WHERE expires_ms < :cutoffMs ORDER BY expires_ms LIMIT :limit")
    List<String> listExpiredIds(long cutoffMs, int limit);

    @Query("DELETE FROM temporary_credential WHERE access_key_id IN (:ids)")
    int deleteRows(List<String> ids);

    @Query("UPDATE temporary_credential SET revoked = TRUE WHERE root_key_id = :rootKeyId AND revoked = FALSE")
    int revokeAllFromRootKey(String rootKeyId);

    @Query("SELECT COUNT(*) FROM temporary_credential WHERE owner_bound = FALSE OR (owner_bound = TRUE AND key_version <> :version)")
    long countSealedOtherThan(int version);

    /** The next rows after {@code after} (in key order) sealed under another version or not bound to their owner. */
    @Query("SELECT * FROM temporary_credential WHERE access_key_id > :after AND (owner_bound = FALSE OR key_version <> :version) "
            + "ORDER BY access_key_id LIMIT :limit")
    List<TemporaryCredentialRow> listSealedOtherThan(int version, String after, int limit);

    @Query("SELECT * FROM temporary_credential WHERE access_key_id > :after AND owner_bound = FALSE ORDER BY access_key_id LIMIT :limit")
    List<TemporaryCredentialRow> listOwnerUnbound(String after, int limit);

    @Query("UPDATE temporary_credential SET secret_sealed = :secret, token_sealed = :token, key_version = :newVersion, owner_bound = TRUE "
            + "WHERE access_key_id = :id AND key_version = :oldVersion AND owner_bound = :oldOwnerBound")
    int reseal(String id, byte[] secret, byte[] token, int newVersion, int oldVersion, boolean oldOwnerBound);
}
