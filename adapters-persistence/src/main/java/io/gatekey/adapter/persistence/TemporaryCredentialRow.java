package io.gatekey.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("temporary_credential")
record TemporaryCredentialRow(@Id String accessKeyId, String accountId, String subAccountId, byte[] secretSealed,
                              byte[] tokenSealed, int keyVersion, long createdMs, long expiresMs, boolean revoked,
                              @Nullable String mfaSerial, @Nullable Long mfaStep, @Nullable Long mfaVerifiedMs,
                              @Nullable String mintedBy, @Nullable String rootKeyId, boolean tokenBound, boolean ownerBound) {
}
