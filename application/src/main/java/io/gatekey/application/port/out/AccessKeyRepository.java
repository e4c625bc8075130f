package io.gatekey.application.port.out;

import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.accesskey.KeyOwner;
import io.gatekey.domain.accesskey.KeyUse;
import io.gatekey.domain.account.SubAccount;
import java.util.List;
import java.util.Optional;

/** Stores long-term access keys with their (sealed) secrets. Lookup by id is the hot path of every signed request. */
public interface AccessKeyRepository {

    /**
     * Adds the (active) key unless its owner already holds {@code limit} active keys; returns whether it was added.
     * Atomic: of callers racing for the last place, on any number of nodes, one gets it.
     */
    boolean addWithinLimit(AccessKey key, int limit);

    /**
     * Whether the owner holds fewer than {@code limit} keys, active or inactive; within a transaction only, as its
     * first step. It claims the owner's keys until the transaction ends: another transaction's count for the owner,
     * on any number of nodes, waits for this one's end and counts what it added (or, on Galera, loses certification
     * and runs again).
     */
    boolean holdsFewerThan(KeyOwner owner, int limit);

    Optional<AccessKey> find(AccessKeyId id);

    /**
     * The key and the sub account that owns it, read together (one round trip where the store can join them): a
     * signed request needs both, so a key not held in memory costs one read, not two.
     */
    Optional<OwnedKey> findWithOwner(AccessKeyId id);

    /** A key with its owner as read with it: no owner for an account admin's key, nor for a sub account that is gone. */
    record OwnedKey(AccessKey key, Optional<SubAccount> owner) {
    }

    /** The owner's keys, oldest first. */
    List<AccessKey> listByOwner(KeyOwner owner);

    /**
     * Makes the key active unless its owner already holds {@code limit} active keys; atomic like
     * {@link #addWithinLimit}. Returns false, changing nothing, at the limit; true when the key is active (also when it
     * already was) or does not exist.
     */
    boolean activateWithinLimit(AccessKeyId id, int limit);

    /** Makes the key inactive, freeing its place among its owner's active keys; returns false when there is no such key. */
    boolean deactivate(AccessKeyId id);

    /**
     * Records a use, its time with the service and region it was signed for: a later read of the key shows it (on
     * other processes sharing the store, within a second; a store may write uses behind, a batch at a time). Only a
     * use later than the recorded one is kept.
     */
    void recordUse(AccessKeyId id, KeyUse use);

    /** Removes the key; returns false when there was none. */
    boolean delete(AccessKeyId id);
}
