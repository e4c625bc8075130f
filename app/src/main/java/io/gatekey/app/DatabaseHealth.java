package io.gatekey.app;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.jdbc.JdbcIndicator;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.reactivestreams.Publisher;

/**
 * {@code /health}'s database check, cheap enough for a load balancer probing every node every second: the result
 * of one probe (a connection from the pool, validated) is reused for {@link #REUSE_NANOS}, so however many probes
 * arrive, the database sees at most one a second per node.
 */
@Singleton
@Replaces(JdbcIndicator.class)
final class DatabaseHealth implements HealthIndicator {

    static final long REUSE_NANOS = 1_000_000_000L;

    private final DataSource dataSource;
    private volatile Probe last;

    /** One probe's outcome and when it was made. */
    private record Probe(long atNanos, HealthResult result) {
    }

    DatabaseHealth(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Probe probe = last;
        long now = System.nanoTime();
        if (probe == null || now - probe.atNanos() >= REUSE_NANOS) {
            probe = probe(now);
            last = probe;
        }
        return Publishers.just(probe.result());
    }

    private Probe probe(long now) {
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(1);
            return new Probe(now, HealthResult.builder("jdbc", valid ? HealthStatus.UP : HealthStatus.DOWN).build());
        } catch (SQLException | RuntimeException e) {
            return new Probe(now, HealthResult.builder("jdbc", HealthStatus.DOWN).build());
        }
    }
}
