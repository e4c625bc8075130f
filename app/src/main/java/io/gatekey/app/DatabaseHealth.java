package io.gatekey.app;

import io.gatekey.adapter.persistence.MasterKeyCanary;
import io.gatekey.adapter.persistence.SchemaMigrations;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.annotation.Scheduled;
import java.io.File;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Health for load balancers and orchestrators. {@code /health/liveness}: the process answers. {@code /health/readiness}
 * (and {@code /health}, where load balancers already look): the database answers, its schema is current, its
 * clock agrees with this node's within {@code gatekey.health.max-clock-skew} (default 15s: a node whose clock
 * drifts refuses good codes, so it must leave the pool), the master key opens the database's canary (a node with
 * the wrong key would refuse every stored secret), and the data folder's disk has room. Probes are cheap
 * however often they come: they answer from the last check, which a background task makes once a second, so the
 * database sees one check a second per node and a check that hangs never holds up a request thread. Which check
 * failed is shown on the management port only ({@link HealthChecks}); the log tells when the failing checks change.
 */
@Controller
@Requires(property = "gatekey.health.enabled", notEquals = "false")
final class DatabaseHealth {

    /** The room the disk must have, as Micronaut's own disk check requires. */
    static final long MIN_FREE_BYTES = 10L * 1024 * 1024;
    private static final Map<String, String> UP = Map.of("status", "UP");
    private static final Map<String, String> DOWN = Map.of("status", "DOWN");
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseHealth.class);

    private final DataSource dataSource;
    private final File dataDir;
    private final Clock clock;
    private final Duration maxClockSkew;
    private volatile Map<String, String> checks = Map.of();
    private volatile boolean ready;
    private volatile Set<String> failing = Set.of();

    private final MasterKeyCanary canary;

    DatabaseHealth(DataSource dataSource, MasterKeyCanary canary, Clock clock, @Value("${gatekey.data-dir:./data}") String dataDir,
                   @Value("${gatekey.health.max-clock-skew:15s}") Duration maxClockSkew) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.canary = canary;
        this.clock = clock;
        this.dataDir = new File(dataDir);
        this.maxClockSkew = maxClockSkew;
        probe();
    }

    @Get(uri = "/health", produces = MediaType.APPLICATION_JSON)
    HttpResponse<Map<String, String>> health() {
        return readiness();
    }

    @Get(uri = "/health/readiness", produces = MediaType.APPLICATION_JSON)
    HttpResponse<Map<String, String>> readiness() {
        return ready ? HttpResponse.ok(UP) : HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(DOWN);
    }

    @Get(uri = "/health/liveness", produces = MediaType.APPLICATION_JSON)
    HttpResponse<Map<String, String>> liveness() {
        return HttpResponse.ok(UP);
    }

    /** Each check's last outcome: {@code UP}, or {@code DOWN: why}. */
    Map<String, String> checks() {
        return checks;
    }

    @Scheduled(fixedDelay = "1s", initialDelay = "1s")
    void probe() {
        Map<String, String> outcome = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            outcome.put("database", connection.isValid(1) ? "UP" : "DOWN: the connection does not validate");
            outcome.put("schema", SchemaMigrations.isCurrent(connection) ? "UP" : "DOWN: the schema's migration history does not match this version");
            outcome.put("clock", clockCheck(connection));
            outcome.put("masterKey", canary.opens(connection) ? "UP" : "DOWN: the master key does not open the secrets stored in this database");
        } catch (SQLException | RuntimeException e) {
            outcome.put("database", "DOWN: " + e.getClass().getSimpleName());
        }
        outcome.put("disk", diskHasRoom() ? "UP" : "DOWN: less than 10 MB free for the data folder");
        checks = Map.copyOf(outcome);
        ready = outcome.values().stream().allMatch("UP"::equals);
        tellChange(outcome);
    }

    /** Logs when the set of failing checks changes (not when only a reason's figures move, as a drifting clock's do). */
    private void tellChange(Map<String, String> outcome) {
        Set<String> down = outcome.entrySet().stream().filter(check -> !"UP".equals(check.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        if (down.equals(failing)) {
            return;
        }
        failing = down;
        if (down.isEmpty()) {
            LOG.info("Ready again: every health check is UP.");
        } else {
            LOG.warn("Not ready (/health answers 503): {}", down.stream().map(name -> name + " " + outcome.get(name)).collect(Collectors.joining("; ")));
        }
    }

    /** On MariaDB, the server's clock against this node's; an embedded H2 shares this node's clock. */
    private String clockCheck(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
        if (!product.contains("maria") && !product.contains("mysql")) {
            return "UP";
        }
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT UNIX_TIMESTAMP(NOW(3))")) {
            rs.next();
            long databaseMillis = rs.getBigDecimal(1).movePointRight(3).longValue();
            long skew = Math.abs(clock.millis() - databaseMillis);
            return skew <= maxClockSkew.toMillis() ? "UP" : "DOWN: this node's clock is " + skew + " ms off the database's";
        }
    }

    private boolean diskHasRoom() {
        File existing = dataDir.getAbsoluteFile();
        while (existing != null && !existing.exists()) {
            existing = existing.getParentFile();
        }
        return existing == null || existing.getUsableSpace() >= MIN_FREE_BYTES;
    }
}
