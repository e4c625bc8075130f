package io.gatekey.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SubAccountRows extends GenericRepository<SubAccountRow, String> {

    SubAccountRow save(SubAccountRow row);

    Optional<SubAccountRow> findById(String id);

    @Query("SELECT COUNT(*) FROM sub_account WHERE account_id = :accountId AND name = :name")
    long countByName(String accountId, String name);

    @Query("SELECT * FROM sub_account WHERE account_id = :accountId ORDER BY created_ms, id")
    List<SubAccountRow> listByAccount(String accountId);

    @Query("UPDATE sub_account SET display_name = :displayName, email = :email, memo = :memo, can_api_gateway_access = :canApiGatewayAccess, "
            + "use_api_allow_source = :useApiAllowSource, api_allow_sources = :apiAllowSources, can_console_access = :canConsoleAccess, "
            + "mfa_mandatory = :mfaMandatory, need_password_reset = :needPasswordReset, use_console_permit_ip = :useConsolePermitIp, "
            + "console_permit_ips = :consolePermitIps, active = :active, modified_ms = :modifiedMs WHERE id = :id")
    int updateProfile(String id, String displayName, @Nullable String email, String memo, boolean canApiGatewayAccess, boolean useApiAllowSource,
                      String apiAllowSources, boolean canConsoleAccess, boolean mfaMandatory, boolean needPasswordReset,
                      boolean useConsolePermitIp, String consolePermitIps, boolean active, long modifiedMs);

    @Query("UPDATE sub_account SET password_hash = :hash, need_password_reset = :needReset, modified_ms = :modifiedMs WHERE id = :id")
    int updatePassword(String id, String hash, boolean needReset, long modifiedMs);

    @Query("SELECT password_hash FROM sub_account WHERE id = :id AND password_hash IS NOT NULL")
    Optional<String> findPasswordHash(String id);

    @Query("SELECT * FROM sub_account WHERE account_id = :accountId AND name = :name")
    Optional<SubAccountRow> findByLoginId(String accountId, String name);

    @Query("UPDATE sub_account SET sign_in_failures = sign_in_failures + 1 WHERE id = :id "
            + "AND sign_in_failures < :maxFailures AND (sign_in_locked_until_ms IS NULL OR sign_in_locked_until_ms <= :nowMs)")
    int reserveSignInAttempt(String id, int maxFailures, long nowMs);

    @Query("UPDATE sub_account SET sign_in_locked_until_ms = :lockUntilMs, sign_in_failures = 0 WHERE id = :id AND sign_in_failures >= :maxFailures")
    int lockSignInAtLimit(String id, int maxFailures, long lockUntilMs);

    @Query("UPDATE sub_account SET sign_in_failures = 0 WHERE id = :id AND sign_in_failures <> 0")
    int clearSignInFailures(String id);

    @Query("UPDATE sub_account SET last_login_ms = :atMs WHERE id = :id")
    int recordLogin(String id, long atMs);

    @Query("DELETE FROM sub_account WHERE id = :id")
    int deleteRow(String id);
}
