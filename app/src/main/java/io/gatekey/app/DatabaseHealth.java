package io.gatekey.app;

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
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/**
 * {@code GET /health}: 200 {@code {"status":"UP"}} while the database answers and the data folder's disk has room,
 * else 503 {@code {"status":"DOWN"}}. Load balancers probe it every second on every node, so it answers from the
 * last probe, which a background task makes once a second (a connection from the pool, validated, and the disk's
 * free space): however often it is asked, the database sees one probe a second per node, and a probe that hangs
 * on a lost database never holds up a request thread.
 */
@Controller
final class DatabaseHealth {

    /** The room the disk must have, as Micronaut's own disk check requires. */
    static final long MIN_FREE_BYTES = 10L * 1024 * 1024;
    private static final Map<String, String> UP = Map.of("status", "UP");
    private static final Map<String, String> DOWN = Map.of("status", "DOWN");

    private final DataSource dataSource;
    private final File dataDir;
    private volatile boolean up;

    DatabaseHealth(DataSource dataSource, @Value("${gatekey.data-dir:./data}") String dataDir) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.dataDir = new File(dataDir);
        probe();
    }

    @Get(uri = "/health", produces = MediaType.APPLICATION_JSON)
    HttpResponse<Map<String, String>> health() {
        return up ? HttpResponse.ok(UP) : HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(DOWN);
    }

    @Scheduled(fixedDelay = "1s", initialDelay = "1s")
    void probe() {
        up = databaseAnswers() && diskHasRoom();
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException | RuntimeException e) {
            return false;
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
