package io.gatekey.adapter.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AuditEventRows extends GenericRepository<AuditEventRow, Long> {

    AuditEventRow save(AuditEventRow row);

    // Empty filters are passed as '' (or 0), so one statement serves every combination.
    @Query("SELECT * FROM audit_event WHERE (:accountId = '' OR account_id = :accountId) "
            + "AND (:subAccountId = '' OR sub_account_id = :subAccountId) "
            + "AND (:subjectLike = '' OR subject LIKE :subjectLike ESCAPE '!') "
            + "AND (:eventType = '' OR event_type = :eventType) "
            + "AND at_ms >= :sinceMs ORDER BY at_ms DESC, id DESC LIMIT :limit")
    List<AuditEventRow> recent(String accountId, String subAccountId, String subjectLike, String eventType, long sinceMs, int limit);
}
