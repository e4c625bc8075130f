package io.gatekey.application.port.out;

import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.audit.AuditEvent;
import io.gatekey.domain.audit.AuditEventType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Keeps the security audit trail. Records are appended, never changed. */
public interface AuditLog {

    /** Appends the event; inside a transaction, it is written or lost together with the change it describes. */
    void record(AuditEvent event);

    /** Events matching the query, newest first. */
    List<AuditEvent> recent(Query query);

    /** A filter; empty parts match everything. */
    record Query(Optional<AccountId> accountId, Optional<SubAccountId> subAccountId, Optional<String> subjectContains,
                 Optional<AuditEventType> type, Optional<Instant> since, int limit) {
        public Query {
            if (limit < 1 || limit > 10_000) {
                throw new IllegalArgumentException("limit 1-10000");
            }
        }

        public static Query latest(int limit) {
            return new Query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), limit);
        }
    }
}
