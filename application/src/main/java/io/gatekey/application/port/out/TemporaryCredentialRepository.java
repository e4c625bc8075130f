package io.gatekey.application.port.out;

import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.credential.TemporaryCredential;
import io.gatekey.domain.mfa.MfaSerialNumber;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores temporary credentials with their (sealed) secrets and session tokens. */
public interface TemporaryCredentialRepository {

    void add(TemporaryCredential credential);

    Optional<TemporaryCredential> find(AccessKeyId id);

    /** The sub account's credentials that are not expired at {@code now}, newest first. */
    List<TemporaryCredential> listUnexpired(SubAccountId subAccountId, Instant now);

    /** Revokes one credential; returns false when it is missing or already revoked. */
    boolean revoke(AccessKeyId id);

    /** Revokes every unrevoked credential of the sub account; returns how many. */
    int revokeAllOf(SubAccountId subAccountId);

    /** Revokes every unrevoked credential minted with an MFA check of this device; returns how many. */
    int revokeAllFromDevice(MfaSerialNumber serialNumber);

    /**
     * Revokes every unrevoked credential whose chain starts at the long-term key {@code rootKey} (minted with it, or
     * with a credential minted with it); returns how many.
     */
    int revokeAllFromRootKey(AccessKeyId rootKey);

    /** Deletes up to {@code batchSize} credentials that expired before {@code cutoff}; returns how many. */
    int purgeExpired(Instant cutoff, int batchSize);
}
