package io.gatekey.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("audit_event")
record AuditEventRow(@Id @GeneratedValue @Nullable Long id, long atMs, String eventType, String accountId, @Nullable String subAccountId, String actor,
                     String subject, String detail, @Nullable String door, @Nullable String requestId, @Nullable String sourceAddress,
                     @Nullable String userAgent, @Nullable String chainKey, @Nullable Long chainSeq, @Nullable String prevHash,
                     @Nullable String eventHash) {
}
