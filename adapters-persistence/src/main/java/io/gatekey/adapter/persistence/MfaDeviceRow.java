package io.gatekey.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("mfa_device")
record MfaDeviceRow(@Id String serialNumber, String accountId, String subAccountId, String deviceType, byte[] seedSealed,
                    int keyVersion, String algorithm, int digits, int periodSeconds, String status, long lastAcceptedStep,
                    int failedAttempts, @Nullable Long lockedUntilMs, int driftSteps, long createdMs, @Nullable Long enabledMs,
                    boolean ownerBound) {
}
