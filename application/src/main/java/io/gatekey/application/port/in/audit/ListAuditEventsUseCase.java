package io.gatekey.application.port.in.audit;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.audit.AuditEvent;
import io.gatekey.domain.audit.AuditEventType;
import io.gatekey.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads the audit trail, newest first: everything for the operator, its own account for an account's admin. */
public interface ListAuditEventsUseCase {

    int MAX_LIMIT = 10_000;

    List<AuditEvent> list(Query query);

    /**
     * Empty filters match everything; {@code subAccountId} keeps the events about one user, {@code subjectContains}
     * matches ids and serial numbers by substring.
     */
    record Query(Principal caller, Optional<AccountId> accountId, Optional<SubAccountId> subAccountId, Optional<String> subjectContains,
                 Optional<AuditEventType> type, Optional<Instant> since, int limit) {
        public Query {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(subAccountId, "subAccountId");
            Objects.requireNonNull(subjectContains, "subjectContains");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(since, "since");
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new InvalidValueException("limit", "1-" + MAX_LIMIT);
            }
        }
    }
}
