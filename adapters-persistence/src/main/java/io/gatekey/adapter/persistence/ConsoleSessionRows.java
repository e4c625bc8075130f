package io.gatekey.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ConsoleSessionRows extends GenericRepository<ConsoleSessionRow, String> {

    @Query("INSERT INTO console_session (id_hash, account_id, sub_account_id, stage, csrf_token, created_ms, last_seen_ms, mfa_serial, "
            + "mfa_step, mfa_verified_ms) VALUES (:idHash, :accountId, :subAccountId, :stage, :csrfToken, :createdMs, :lastSeenMs, "
            + ":mfaSerial, :mfaStep, :mfaVerifiedMs)")
    int insert(String idHash, String accountId, String subAccountId, String stage, String csrfToken, long createdMs, long lastSeenMs,
               @Nullable String mfaSerial, @Nullable Long mfaStep, @Nullable Long mfaVerifiedMs);

    Optional<ConsoleSessionRow> findById(String idHash);

    @Query("UPDATE console_session SET last_seen_ms = :nowMs WHERE id_hash = :idHash")
    int touch(String idHash, long nowMs);

    @Query("DELETE FROM console_session WHERE id_hash = :idHash")
    int deleteRow(String idHash);

    @Query("DELETE FROM console_session WHERE sub_account_id = :subAccountId")
    int deleteAllOf(String subAccountId);

    @Query("SELECT id_hash FROM console_session WHERE last_seen_ms < :idleBeforeMs OR created_ms < :begunBeforeMs LIMIT :limit")
    List<String> listExpired(long idleBeforeMs, long begunBeforeMs, int limit);

    @Query("DELETE FROM console_session WHERE (last_seen_ms < :idleBeforeMs OR created_ms < :begunBeforeMs) AND id_hash IN (:ids)")
    int deleteExpired(long idleBeforeMs, long begunBeforeMs, List<String> ids);
}
