package io.gatekey.adapter.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AccessKeyRows extends GenericRepository<AccessKeyRow, String> {

    AccessKeyRow save(AccessKeyRow row);

    Optional<AccessKeyRow> findById(String id);

    @Query("SELECT * FROM access_key WHERE account_id = :accountId AND sub_account_id IS NULL ORDER BY created_ms, id")
    List<AccessKeyRow> listAdminKeys(String accountId);

    @Query("SELECT * FROM access_key WHERE account_id = :accountId AND sub_account_id = :subAccountId ORDER BY created_ms, id")
    List<AccessKeyRow> listUserKeys(String accountId, String subAccountId);

    /** A create that counts every key of the user's: a write to the user's row, so that two such creates conflict. */
    @Query("UPDATE sub_account SET key_quota_claims = key_quota_claims + 1 WHERE id = :subAccountId")
    int claimUserKeys(String subAccountId);

    /** The same for the account admin's keys: a write to the account's row. */
    @Query("UPDATE account SET key_quota_claims = key_quota_claims + 1 WHERE id = :accountId")
    int claimAdminKeys(String accountId);

    @Query("SELECT COUNT(*) FROM access_key WHERE account_id = :accountId AND sub_account_id IS NULL")
    long countAdminKeys(String accountId);

    @Query("SELECT COUNT(*) FROM access_key WHERE account_id = :accountId AND sub_account_id = :subAccountId")
    long countUserKeys(String accountId, String subAccountId);

    @Query("SELECT owner_slot FROM access_key WHERE owner_slot LIKE :prefix")
    List<String> listSlotsLike(String prefix);

    /** An inactive key becomes active in the given place of its owner's. */
    @Query("UPDATE access_key SET active = TRUE, owner_slot = :slot WHERE id = :id AND active = FALSE")
    int activateInSlot(String id, String slot);

    /** An inactive key holds no place. */
    @Query("UPDATE access_key SET active = FALSE, owner_slot = NULL WHERE id = :id")
    int deactivate(String id);

    @Query("DELETE FROM access_key WHERE id = :id")
    int deleteRow(String id);

    @Query("SELECT COUNT(*) FROM access_key WHERE owner_bound = FALSE OR (owner_bound = TRUE AND key_version <> :version)")
    long countSealedOtherThan(int version);

    /** The next rows after {@code after} (in key order) sealed under another version or not bound to their owner. */
    @Query("SELECT * FROM access_key WHERE id > :after AND (owner_bound = FALSE OR key_version <> :version) ORDER BY id LIMIT :limit")
    List<AccessKeyRow> listSealedOtherThan(int version, String after, int limit);

    @Query("SELECT * FROM access_key WHERE id > :after AND owner_bound = FALSE ORDER BY id LIMIT :limit")
    List<AccessKeyRow> listOwnerUnbound(String after, int limit);

    @Query("UPDATE access_key SET secret_sealed = :sealed, key_version = :newVersion, owner_bound = TRUE "
            + "WHERE id = :id AND key_version = :oldVersion AND owner_bound = :oldOwnerBound")
    int reseal(String id, byte[] sealed, int newVersion, int oldVersion, boolean oldOwnerBound);
}
