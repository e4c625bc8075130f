package io.gatekey.adapter.persistence;

import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.audit.AuditEvent;
import io.gatekey.domain.audit.AuditEventType;
import io.gatekey.domain.audit.AuditLink;
import io.gatekey.domain.audit.AuditOrigin;
import io.gatekey.domain.audit.LinkedAuditEvent;
import java.time.Instant;
import java.util.Optional;

/** How an audit event is stored: columns cut to their widths before the event is hashed, so a stored event checks. */
final class AuditEventLinks {

    /** The door of events stored before doors were recorded. */
    static final String UNRECORDED_DOOR = "unrecorded";

    private AuditEventLinks() {
    }

    /** The event as its columns can hold it. */
    static AuditEvent storable(AuditEvent event) {
        AuditOrigin origin = event.origin();
        return new AuditEvent(Instant.ofEpochMilli(event.at().toEpochMilli()), event.type(), event.accountId(), event.subAccountId(),
                cut(event.actor(), 255), cut(event.subject(), 255), cut(event.detail(), 512),
                new AuditOrigin(cut(origin.door(), 32), origin.requestId().map(id -> cut(id, 64)), origin.sourceAddress().map(a -> cut(a, 64)),
                        origin.userAgent().map(agent -> cut(agent, 255))));
    }

    static final RowInsert INSERT = new RowInsert("INSERT", "audit_event", "at_ms", "event_type", "account_id", "sub_account_id", "actor",
            "subject", "detail", "door", "request_id", "source_address", "user_agent", "chain_key", "chain_seq", "prev_hash", "event_hash");

    /** A storable event at its place in its chain, as {@link #INSERT} stores it (its id is the database's). */
    static Object[] row(AuditEvent event, AuditLink link) {
        AuditOrigin origin = event.origin();
        return new Object[] {event.at().toEpochMilli(), event.type().name(), event.accountId().value(),
                event.subAccountId().map(SubAccountId::value).orElse(null), event.actor(), event.subject(), event.detail(),
                origin.door(), origin.requestId().orElse(null), origin.sourceAddress().orElse(null), origin.userAgent().orElse(null),
                link.chain(), link.seq(), link.previousHash(), link.hash()};
    }

    static AuditEvent event(AuditEventRow row) {
        return new AuditEvent(Instant.ofEpochMilli(row.atMs()), AuditEventType.valueOf(row.eventType()), new AccountId(row.accountId()),
                Optional.ofNullable(row.subAccountId()).map(SubAccountId::new), row.actor(), row.subject(), row.detail(),
                new AuditOrigin(row.door() == null || row.door().isBlank() ? UNRECORDED_DOOR : row.door(), Optional.ofNullable(row.requestId()),
                        Optional.ofNullable(row.sourceAddress()), Optional.ofNullable(row.userAgent())));
    }

    /** The stored event; a row that lost its link reads as one in no chain, which a check reports. */
    static LinkedAuditEvent linked(AuditEventRow row) {
        AuditLink link = new AuditLink(row.chainKey() == null ? "" : row.chainKey(), row.chainSeq() == null ? 0 : row.chainSeq(),
                row.prevHash() == null ? "" : row.prevHash(), row.eventHash() == null ? "" : row.eventHash());
        return new LinkedAuditEvent(row.id(), event(row), link);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
