package io.gatekey.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("access_key")
record AccessKeyRow(@Id String id, String accountId, @Nullable String subAccountId, byte[] secretSealed, int keyVersion,
                    boolean active, long createdMs, @Nullable Long lastUsedMs, boolean ownerBound,
                    @Nullable String ownerSlot, @Nullable String lastUsedService, @Nullable String lastUsedRegion) {
}
