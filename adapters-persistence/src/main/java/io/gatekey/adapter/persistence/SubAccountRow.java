package io.gatekey.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("sub_account")
record SubAccountRow(@Id String id, String accountId, long subAccountNo, String name, String displayName, @Nullable String email,
                     String memo, boolean canApiGatewayAccess, boolean useApiAllowSource, @Nullable String apiAllowSources,
                     boolean canConsoleAccess, boolean mfaMandatory, boolean needPasswordReset, boolean useConsolePermitIp,
                     @Nullable String consolePermitIps, @Nullable String passwordHash, boolean active, long createdMs,
                     long modifiedMs, @Nullable Long lastLoginMs) {
}
