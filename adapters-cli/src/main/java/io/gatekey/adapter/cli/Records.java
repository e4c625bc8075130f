package io.gatekey.adapter.cli;

import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.KeyUse;
import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.audit.AuditEvent;
import io.gatekey.domain.credential.TemporaryCredential;
import io.gatekey.domain.mfa.MfaDevice;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How each kind of object prints: its fields (JSON names) and the columns of its table. */
final class Records {

    static final List<String> ACCOUNT_COLUMNS = List.of("accountId", "name", "loginAlias", "createdAt");
    static final List<String> USER_COLUMNS = List.of("userId", "name", "active", "createdAt");
    static final List<String> KEY_COLUMNS = List.of("accessKeyId", "userId", "active", "createdAt", "lastUsedAt");
    static final List<String> DEVICE_COLUMNS = List.of("serialNumber", "userId", "type", "status", "lockedUntil", "driftSteps");
    static final List<String> CREDENTIAL_COLUMNS = List.of("accessKeyId", "userId", "createdAt", "expiresAt", "revoked", "mfaSerialNumber");
    static final List<String> AUDIT_COLUMNS = List.of("at", "type", "userId", "actor", "subject", "detail");

    private Records() {
    }

    static Map<String, Object> account(Account account) {
        return Output.row("accountId", account.id().value(), "name", account.name().value(),
                "loginAlias", account.loginAlias().map(Object::toString), "createdAt", account.createdAt());
    }

    static Map<String, Object> user(SubAccount user) {
        return Output.row("userId", user.id().value(), "accountId", user.accountId().value(), "name", user.name().value(),
                "active", user.active(), "createdAt", user.createdAt());
    }

    static Map<String, Object> key(AccessKey key) {
        return Output.row("accessKeyId", key.id().value(), "accountId", key.owner().accountId().value(),
                "userId", key.owner().subAccountId().map(Object::toString), "active", key.active(), "createdAt", key.createdAt(),
                "lastUsedAt", key.lastUsedAt(), "lastUsedService", key.lastUsedWith().map(KeyUse.Where::service),
                "lastUsedRegion", key.lastUsedWith().flatMap(KeyUse.Where::region));
    }

    static Map<String, Object> device(MfaDevice device) {
        return Output.row("serialNumber", device.serialNumber().value(), "accountId", device.accountId().value(),
                "userId", device.subAccountId().value(), "type", device.type().name().toLowerCase(Locale.ROOT),
                "status", device.status().name().toLowerCase(Locale.ROOT), "failedAttempts", device.failedAttempts(),
                "lockedUntil", device.lockedUntil(), "driftSteps", device.driftSteps(), "createdAt", device.createdAt(),
                "enabledAt", device.enabledAt());
    }

    static Map<String, Object> credential(TemporaryCredential credential) {
        return Output.row("accessKeyId", credential.accessKeyId().value(), "accountId", credential.accountId().value(),
                "userId", credential.subAccountId().value(), "createdAt", credential.createdAt(), "expiresAt", credential.expiresAt(),
                "revoked", credential.revoked(), "mfaSerialNumber", credential.mfa().map(m -> m.serialNumber().value()),
                "mfaVerifiedAt", credential.mfa().map(m -> m.verifiedAt()));
    }

    static Map<String, Object> audit(AuditEvent event) {
        return Output.row("at", event.at(), "type", event.type().name(), "accountId", event.accountId().value(),
                "userId", event.subAccountId().map(Object::toString), "actor", event.actor(), "subject", event.subject(), "detail", event.detail());
    }
}
