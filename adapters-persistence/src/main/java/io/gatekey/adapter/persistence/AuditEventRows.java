package io.gatekey.adapter.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AuditEventRows extends GenericRepository<AuditEventRow, Long> {

    // Empty filters are passed as '' (or 0), so one statement serves every combination.
    @Query("SELECT * FROM audit_event WHERE (:accountId = '' OR account_id = :accountId) "
            + "AND (:subAccountId = '' OR sub_account_id = :subAccountId) "
            + "AND (:subjectLike = '' OR subject LIKE :subjectLike ESCAPE '!') "
            + "AND (:eventType = '' OR event_type = :eventType) "
            + "AND at_ms >= :sinceMs ORDER BY at_ms DESC, id DESC LIMIT :limit")
    List<AuditEventRow> recent(String accountId, String subAccountId, String subjectLike, String eventType, long sinceMs, int limit);

    /** Events that lost their link (a check reports the first). */
    @Query("SELECT * FROM audit_event WHERE chain_key IS NULL OR chain_seq IS NULL OR event_hash IS NULL OR prev_hash IS NULL ORDER BY id LIMIT :limit")
    List<AuditEventRow> unlinked(int limit);

    /** The next page in chain order after ({@code chainKey}, {@code seq}); ('', 0) for the first. */
    @Query("SELECT * FROM audit_event WHERE chain_key > :chainKey OR (chain_key = :chainKey AND chain_seq > :seq) "
            + "ORDER BY chain_key, chain_seq LIMIT :limit")
    List<AuditEventRow> inChainOrderAfter(String chainKey, long seq, int limit);

    /** The next page of a time window, oldest first, after ({@code afterMs}, {@code afterId}). */
    @Query("SELECT * FROM audit_event WHERE at_ms >= :sinceMs AND at_ms < :untilMs "
            + "AND (at_ms > :afterMs OR (at_ms = :afterMs AND id > :afterId)) ORDER BY at_ms, id LIMIT :limit")
    List<AuditEventRow> between(long sinceMs, long untilMs, long afterMs, long afterId, int limit);
}
