package io.gatekey.adapter.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface MfaDeviceRows extends GenericRepository<MfaDeviceRow, String> {

    MfaDeviceRow save(MfaDeviceRow row);

    Optional<MfaDeviceRow> findById(String serialNumber);

    @Query("SELECT * FROM mfa_device WHERE sub_account_id = :subAccountId ORDER BY serial_number")
    List<MfaDeviceRow> listBySubAccount(String subAccountId);

    @Query("SELECT * FROM mfa_device WHERE account_id = :accountId AND serial_number > :after ORDER BY serial_number LIMIT :limit")
    List<MfaDeviceRow> pageOfAccount(String accountId, String after, int limit);

    @Query("SELECT * FROM mfa_device WHERE account_id = :accountId AND sub_account_id = :subAccountId AND serial_number > :after ORDER BY serial_number LIMIT :limit")
    List<MfaDeviceRow> pageOfSubAccount(String accountId, String subAccountId, String after, int limit);

    @Query("UPDATE mfa_device SET status = 'ENABLED', last_accepted_step = GREATEST(last_accepted_step, :step), drift_steps = :drift, "
            + "failed_attempts = 0, locked_until_ms = NULL, enabled_ms = :atMs WHERE serial_number = :serial AND status <> 'ENABLED'")
    int markEnabled(String serial, long step, int drift, long atMs);

    @Query("UPDATE mfa_device SET status = 'DISABLED' WHERE serial_number = :serial AND status = 'ENABLED'")
    int markDisabled(String serial);

    @Query("UPDATE mfa_device SET drift_steps = :drift WHERE serial_number = :serial")
    int updateDrift(String serial, int drift);

    @Query("DELETE FROM mfa_device WHERE serial_number = :serial")
    int deleteRow(String serial);

    @Query("DELETE FROM mfa_device WHERE serial_number = :serial AND status <> 'ENABLED'")
    int deleteUnlessEnabled(String serial);

    /** The single-use rule's compare-and-set: only a later step wins, and winning clears the failure count. */
    @Query("UPDATE mfa_device SET last_accepted_step = :step, failed_attempts = 0 WHERE serial_number = :serial AND last_accepted_step < :step")
    int acceptIfLater(String serial, long step);

    /** Reserves an attempt: one more in the count, unless the device is locked or the count is at the limit. */
    @Query("UPDATE mfa_device SET failed_attempts = failed_attempts + 1 WHERE serial_number = :serial "
            + "AND failed_attempts < :maxFailures AND (locked_until_ms IS NULL OR locked_until_ms <= :nowMs)")
    int reserveAttempt(String serial, int maxFailures, long nowMs);

    /** A failed attempt at the limit locks the device; only one of several concurrent settlers matches. */
    @Query("UPDATE mfa_device SET locked_until_ms = :lockUntilMs, failed_attempts = 0 WHERE serial_number = :serial "
            + "AND failed_attempts >= :maxFailures")
    int lockAtLimit(String serial, int maxFailures, long lockUntilMs);

    @Query("SELECT * FROM mfa_device WHERE serial_number = :serial FOR UPDATE")
    Optional<MfaDeviceRow> findForUpdate(String serial);

    @Query("UPDATE mfa_device SET failed_attempts = failed_attempts - 1 WHERE serial_number = :serial AND failed_attempts > 0")
    int releaseAttempt(String serial);

    @Query("UPDATE mfa_device SET failed_attempts = 0, locked_until_ms = NULL WHERE serial_number = :serial")
    int unlock(String serial);

    @Query("SELECT COUNT(*) FROM mfa_device WHERE owner_bound = FALSE OR (owner_bound = TRUE AND key_version <> :version)")
    long countSealedOtherThan(int version);

    /** The next rows after {@code after} (in key order) sealed under another version or not bound to their owner. */
    @Query("SELECT * FROM mfa_device WHERE serial_number > :after AND (owner_bound = FALSE OR key_version <> :version) ORDER BY serial_number LIMIT :limit")
    List<MfaDeviceRow> listSealedOtherThan(int version, String after, int limit);

    @Query("SELECT * FROM mfa_device WHERE serial_number > :after AND owner_bound = FALSE ORDER BY serial_number LIMIT :limit")
    List<MfaDeviceRow> listOwnerUnbound(String after, int limit);

    @Query("UPDATE mfa_device SET seed_sealed = :sealed, key_version = :newVersion, owner_bound = TRUE "
            + "WHERE serial_number = :serial AND key_version = :oldVersion AND owner_bound = :oldOwnerBound")
    int reseal(String serial, byte[] sealed, int newVersion, int oldVersion, boolean oldOwnerBound);
}
