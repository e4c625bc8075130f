package io.gatekey.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("console_session")
record ConsoleSessionRow(@Id String idHash, String accountId, String subAccountId, String stage, String csrfToken, long createdMs,
                         long lastSeenMs, @Nullable String mfaSerial, @Nullable Long mfaStep, @Nullable Long mfaVerifiedMs) {
}
