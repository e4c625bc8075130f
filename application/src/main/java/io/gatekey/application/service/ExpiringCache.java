package io.gatekey.application.service;

import io.gatekey.application.port.out.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** A small map whose entries live for a fixed time, absent results included; a zero lifetime caches nothing. */
final class ExpiringCache<K, V> {

    private static final int MAX_ENTRIES = 50_000;

    private record Entry<V>(V value, Instant expiresAt) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Duration lifetime;
    private final Clock clock;
    private final Telemetry telemetry;

    ExpiringCache(Duration lifetime, Clock clock, Telemetry telemetry) {
        this.lifetime = lifetime;
        this.clock = clock;
        this.telemetry = telemetry;
    }

    V get(K key, Function<K, V> load) {
        if (lifetime.isZero()) {
            telemetry.keyCacheLookup(false);
            return load.apply(key);
        }
        Instant now = clock.instant();
        Entry<V> entry = entries.get(key);
        if (entry != null && now.isBefore(entry.expiresAt())) {
            telemetry.keyCacheLookup(true);
            return entry.value();
        }
        telemetry.keyCacheLookup(false);
        V value = load.apply(key);
        put(key, value, now);
        return value;
    }

    /** Keeps a value read meanwhile (with another one), for the lifetime from now. */
    void put(K key, V value) {
        if (!lifetime.isZero()) {
            put(key, value, clock.instant());
        }
    }

    private void put(K key, V value, Instant now) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> !now.isBefore(e.expiresAt()));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(key, new Entry<>(value, now.plus(lifetime)));
    }

    /** The live entry's value without loading one: empty when there is none or it has expired. */
    Optional<V> peek(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null || !clock.instant().isBefore(entry.expiresAt())) {
            return Optional.empty();
        }
        telemetry.keyCacheLookup(true);
        return Optional.of(entry.value());
    }

    /**
     * Replaces a live entry's value, keeping its expiry, but only while the entry still holds {@code expected}: a
     * refresh built from an older read never puts back a copy older than the entry another thread loaded since.
     */
    void refresh(K key, V expected, V value) {
        entries.computeIfPresent(key, (k, entry) -> entry.value() == expected ? new Entry<>(value, entry.expiresAt()) : entry);
    }
}
