package io.gatekey.application.port.out;

import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.accesskey.KeyOwner;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores long-term access keys with their (sealed) secrets. Lookup by id is the hot path of every signed request. */
public interface AccessKeyRepository {

    void add(AccessKey key);

    Optional<AccessKey> find(AccessKeyId id);

    /** The owner's keys, oldest first. */
    List<AccessKey> listByOwner(KeyOwner owner);

    /** Switches the active flag; returns false when there is no such key. */
    boolean setActive(AccessKeyId id, boolean active);

    /** Records a use; implementations may drop the write when a recent use is already recorded. */
    void recordUse(AccessKeyId id, Instant at);

    /** Removes the key; returns false when there was none. */
    boolean delete(AccessKeyId id);
}
