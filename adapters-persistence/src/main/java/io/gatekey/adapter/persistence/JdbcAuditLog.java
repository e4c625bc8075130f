package io.gatekey.adapter.persistence;

import io.gatekey.application.port.out.AuditLog;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.audit.AuditEvent;
import io.gatekey.domain.audit.AuditEventType;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The audit trail in the database, appended inside the transaction of the change it records. */
@Singleton
@StorageBoundary
class JdbcAuditLog implements AuditLog {

    private final AuditEventRows rows;

    JdbcAuditLog(AuditEventRows rows) {
        this.rows = rows;
    }

    @Override
    public void record(AuditEvent event) {
        rows.save(new AuditEventRow(null, event.at().toEpochMilli(), event.type().name(), event.accountId().value(),
                event.subAccountId().map(SubAccountId::value).orElse(null),
                truncate(event.actor(), 255), truncate(event.subject(), 255), truncate(event.detail(), 512)));
    }

    @Override
    public List<AuditEvent> recent(Query query) {
        String subjectLike = query.subjectContains().map(text -> "%" + escapeLike(text) + "%").orElse("");
        return rows.recent(query.accountId().map(AccountId::value).orElse(""), query.subAccountId().map(SubAccountId::value).orElse(""), subjectLike,
                        query.type().map(Enum::name).orElse(""), query.since().map(Instant::toEpochMilli).orElse(0L), query.limit())
                .stream()
                .map(row -> new AuditEvent(Instant.ofEpochMilli(row.atMs()), AuditEventType.valueOf(row.eventType()),
                        new AccountId(row.accountId()), Optional.ofNullable(row.subAccountId()).map(SubAccountId::new), row.actor(),
                        row.subject(), row.detail()))
                .toList();
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
