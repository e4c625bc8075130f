package io.gatekey.app;

import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import java.util.Map;

/** {@code /health-checks} on the management port: which readiness check failed, and why. */
@Endpoint(id = "health-checks", defaultSensitive = false)
@io.micronaut.context.annotation.Requires(beans = DatabaseHealth.class)
final class HealthChecks {

    private final DatabaseHealth health;

    HealthChecks(DatabaseHealth health) {
        this.health = health;
    }

    @Read
    Map<String, String> checks() {
        return health.checks();
    }
}
