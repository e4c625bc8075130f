package io.gatekey.domain.credential;

import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.accesskey.SecretKey;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.mfa.MfaProvenance;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A short-lived key pair with its session token, issued to one sub account, optionally backed by an MFA check.
 * {@code origin} names the key it was minted with (empty when the operator issued it); {@code tokenBound} says that
 * its holder was handed the session token, so every use must present it and a door that carries no token refuses it.
 */
public record TemporaryCredential(
        AccessKeyId accessKeyId,
        SecretKey secret,
        SessionToken sessionToken,
        AccountId accountId,
        SubAccountId subAccountId,
        Instant createdAt,
        Instant expiresAt,
        boolean revoked,
        Optional<MfaProvenance> mfa,
        Optional<CredentialOrigin> origin,
        boolean tokenBound) {

    public TemporaryCredential {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(sessionToken, "sessionToken");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(subAccountId, "subAccountId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(mfa, "mfa");
        Objects.requireNonNull(origin, "origin");
        if (!accessKeyId.isTemporary()) {
            throw new IllegalArgumentException("a temporary credential needs a temporary key id");
        }
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("expiry must follow creation");
        }
    }

    public static TemporaryCredential issue(AccessKeyId id, SecretKey secret, SessionToken token, AccountId accountId,
                                            SubAccountId subAccountId, Instant now, Duration lifetime,
                                            Optional<MfaProvenance> mfa, Optional<CredentialOrigin> origin, boolean tokenBound) {
        return new TemporaryCredential(id, secret, token, accountId, subAccountId, now, now.plus(lifetime), false, mfa, origin, tokenBound);
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean usableAt(Instant now) {
        return !revoked && !isExpired(now);
    }

    public TemporaryCredential revokedCopy() {
        return new TemporaryCredential(accessKeyId, secret, sessionToken, accountId, subAccountId, createdAt, expiresAt, true, mfa,
                origin, tokenBound);
    }
}
