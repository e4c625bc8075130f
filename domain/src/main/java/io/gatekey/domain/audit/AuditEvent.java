package io.gatekey.domain.audit;

import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One security-relevant event: when, what, in which account, about which user (if one), who did it, to what, a
 * short detail, and where the request came from. Never holds secret material: subjects are ids and serial numbers,
 * details are reasons and counts.
 */
public record AuditEvent(Instant at, AuditEventType type, AccountId accountId, Optional<SubAccountId> subAccountId, String actor,
                         String subject, String detail, AuditOrigin origin) {

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(subAccountId, "subAccountId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(origin, "origin");
    }

    /** The chain this event belongs to: its user's when it is about one, else its account's (see {@link AuditChain}). */
    public String chain() {
        return subAccountId.map(user -> "user:" + user.value()).orElseGet(() -> "account:" + accountId.value());
    }
}
