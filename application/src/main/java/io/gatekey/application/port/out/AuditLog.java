package io.gatekey.application.port.out;

import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.audit.AuditChainHead;
import io.gatekey.domain.audit.AuditEvent;
import io.gatekey.domain.audit.AuditEventType;
import io.gatekey.domain.audit.LinkedAuditEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Keeps the security audit trail. Records are appended, never changed, each linked into its chain
 * ({@link io.gatekey.domain.audit.AuditChain}) as it is appended.
 */
public interface AuditLog {

    /**
     * Appends the event as the newest of its chain, moving the chain's head; inside a transaction, it is written or
     * lost together with the change it describes. Two appends to one chain never take the same place.
     */
    void record(AuditEvent event);

    /**
     * Every stored event in chain order (chain by chain, each by seq; events that lost their link first), until
     * {@code sink} answers false.
     */
    void forEachInChainOrder(Predicate<LinkedAuditEvent> sink);

    /** Every chain's head. */
    List<AuditChainHead> heads();

    /** The events from {@code since} (inclusive) to {@code until} (exclusive), oldest first, until {@code sink} answers false. */
    void forEachBetween(Instant since, Instant until, Predicate<LinkedAuditEvent> sink);

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
