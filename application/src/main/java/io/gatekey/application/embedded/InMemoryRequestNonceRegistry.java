package io.gatekey.application.embedded;

import io.gatekey.application.port.out.RequestNonceRegistry;
import io.gatekey.domain.accesskey.AccessKeyId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** Request nonces in memory; thread-safe. */
public final class InMemoryRequestNonceRegistry implements RequestNonceRegistry {

    private record Use(AccessKeyId key, String nonce) {
    }

    private final Map<Use, Instant> remembered = new ConcurrentHashMap<>();

    @Override
    public boolean register(AccessKeyId key, String nonce, Instant now, Instant expiresAt) {
        AtomicBoolean fresh = new AtomicBoolean();
        remembered.compute(new Use(key, nonce), (use, until) -> {
            if (until != null && now.isBefore(until)) {
                return until;
            }
            fresh.set(true);
            return expiresAt;
        });
        return fresh.get();
    }

    @Override
    public int purgeExpired(Instant now, int batchSize) {
        List<Use> expired = remembered.entrySet().stream()
                .filter(entry -> entry.getValue().isBefore(now))
                .limit(batchSize)
                .map(Map.Entry::getKey)
                .toList();
        expired.forEach(remembered::remove);
        return expired.size();
    }
}
