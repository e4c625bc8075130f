package io.gatekey.adapter.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("audit_chain")
record AuditChainRow(@Id String chainKey, long lastSeq, String lastHash) {
}
