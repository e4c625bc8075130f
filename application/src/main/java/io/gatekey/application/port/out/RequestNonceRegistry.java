package io.gatekey.application.port.out;

import io.gatekey.domain.accesskey.AccessKeyId;
import java.time.Instant;

/** Remembers the nonces of signed requests for as long as their signature could be replayed. */
public interface RequestNonceRegistry {

    /**
     * Records that {@code key} used {@code nonce} at {@code now}, to be remembered until {@code expiresAt}. Atomic
     * across every process sharing the store: returns false, changing nothing, when the key used the nonce before
     * and that use is still remembered at {@code now}.
     */
    boolean register(AccessKeyId key, String nonce, Instant now, Instant expiresAt);

    /** Forgets up to {@code batchSize} nonces remembered only until before {@code now}; returns how many. */
    int purgeExpired(Instant now, int batchSize);
}
