package io.gatekey.adapter.persistence;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the server migrates its schema at start, it also re-seals the rows sealed before sealed values were bound
 * to their owner, so every stored secret opens only for its owner before the first request is served. Several nodes
 * starting at once are safe: each row's re-seal is a conditional update. Whether any row needs it is asked first with
 * one plain query, which each table answers from its index on (owner_bound, key_version) however many rows it holds,
 * so a start on a database that has none (every database made since) neither reads its tables nor sets up the
 * re-seal's repositories before it serves.
 */
@Singleton
@Requires(property = MigrateAtStart.PROPERTY, value = "true")
final class SealUpgradeAtStart {

    private static final Logger LOG = LoggerFactory.getLogger(SealUpgradeAtStart.class);

    static final String ANY_UNBOUND = "SELECT 1 FROM access_key WHERE owner_bound = FALSE UNION ALL SELECT 1 FROM mfa_device WHERE owner_bound = FALSE "
            + "UNION ALL SELECT 1 FROM temporary_credential WHERE owner_bound = FALSE LIMIT 1";

    private final MasterKeyRotation rotation;
    private final DataSource dataSource;

    SealUpgradeAtStart(MasterKeyRotation rotation, DataSource dataSource) {
        this.rotation = rotation;
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!anyUnbound()) {
            return;
        }
        int resealed = rotation.resealOwnerUnbound(500);
        if (resealed > 0) {
            LOG.info("Re-sealed {} stored secrets so that each opens only for its owner", resealed);
        }
    }

    /** Whether some stored secret is still sealed without its owner; true when that cannot be told (the re-seal then looks itself). */
    private boolean anyUnbound() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(ANY_UNBOUND)) {
            return rows.next();
        } catch (SQLException e) {
            return true;
        }
    }
}
