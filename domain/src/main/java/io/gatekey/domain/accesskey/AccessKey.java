package io.gatekey.domain.accesskey;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A long-term key pair that signs API requests. */
public record AccessKey(AccessKeyId id, KeyOwner owner, SecretKey secret, boolean active, Instant createdAt,
                        Optional<KeyUse> lastUse) {

    public AccessKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUse, "lastUse");
        if (id.isTemporary()) {
            throw new IllegalArgumentException("a long-term key cannot carry a temporary key id");
        }
    }

    public static AccessKey create(AccessKeyId id, KeyOwner owner, SecretKey secret, Instant now) {
        return new AccessKey(id, owner, secret, true, now, Optional.empty());
    }

    public AccessKey withActive(boolean newActive) {
        return new AccessKey(id, owner, secret, newActive, createdAt, lastUse);
    }

    public AccessKey used(KeyUse use) {
        return new AccessKey(id, owner, secret, active, createdAt, Optional.of(use));
    }

    /** When the key was last used, to the minute. */
    public Optional<Instant> lastUsedAt() {
        return lastUse.map(KeyUse::at);
    }

    /** The service and region the key was last used for, where its request named them. */
    public Optional<KeyUse.Where> lastUsedWith() {
        return lastUse.flatMap(KeyUse::where);
    }
}
