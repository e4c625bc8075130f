package io.gatekey.app;

import io.gatekey.adapter.http.RequestMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code http.server.requests} (seconds, by door, method, route template and status), kept in place of Micronaut's
 * own web metrics filter: one timer per label set, found again with one map lookup rather than built from tags on
 * every request.
 */
@Singleton
@Requires(beans = MeterRegistry.class)
final class MicrometerRequestMetrics implements RequestMetrics {

    private record Labels(String door, String method, String route, int status) {
    }

    private final MeterRegistry registry;
    private final ConcurrentMap<Labels, Timer> timers = new ConcurrentHashMap<>();

    MicrometerRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void served(String door, String method, String route, int status, long nanos) {
        Labels labels = new Labels(door, method, route, status);
        Timer timer = timers.get(labels);
        (timer != null ? timer : timers.computeIfAbsent(labels, this::timer)).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(Labels labels) {
        return Timer.builder("http.server.requests")
                .description("HTTP requests answered, by door, method, route and status")
                .tags("door", labels.door(), "method", labels.method(), "uri", labels.route(), "status", Integer.toString(labels.status()))
                .register(registry);
    }
}
