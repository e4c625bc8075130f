package io.gatekey.adapter.persistence;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns at start when the MariaDB node a pool connects to is a Galera node with a single applier thread. Nodes that
 * write the same row at once (two Gatekey nodes checking codes of one device, say) conflict: the write set that
 * certified first is applied, and a local transaction holding its row is aborted. MariaDB sometimes misses that
 * abort when the local transaction has reached its commit: the transaction then waits to be certified behind write
 * sets that only an applier thread certifies, while the node's one applier waits for its row. Nothing moves until
 * InnoDB's lock wait timeout (50 s by default) retries the abort, and every read on the node waits with it. A second
 * applier certifies the queue, and the transaction fails certification and frees the row within milliseconds, so a
 * node should run several.
 */
@Singleton
final class GaleraAppliers implements BeanCreatedEventListener<DataSource> {

    private static final Logger LOG = LoggerFactory.getLogger(GaleraAppliers.class);

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource dataSource = DelegatingDataSource.unwrapDataSource(event.getBean());
        if (dataSource instanceof HikariDataSource pool && pool.getJdbcUrl() != null && !pool.getJdbcUrl().startsWith("jdbc:mariadb:")) {
            return event.getBean();
        }
        try (Connection connection = dataSource.getConnection()) {
            warning(connection).ifPresent(LOG::warn);
        } catch (SQLException e) {
            // The database may not be up yet; the pool reports that itself when it is used.
            LOG.debug("Could not read the database's Galera settings", e);
        }
        return event.getBean();
    }

    /** The warning for this connection's server, if it is a Galera node with one applier thread. */
    static Optional<String> warning(Connection connection) throws SQLException {
        if (!Statements.isMariaDb(connection)) {
            return Optional.empty();
        }
        Map<String, String> variables = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SHOW GLOBAL VARIABLES WHERE Variable_name IN ('wsrep_on', 'wsrep_slave_threads', 'wsrep_applier_threads')")) {
            while (rows.next()) {
                variables.put(rows.getString(1), rows.getString(2));
            }
        }
        // MariaDB names the setting wsrep_slave_threads; Galera's newer servers call it wsrep_applier_threads.
        String appliers = variables.getOrDefault("wsrep_slave_threads", variables.get("wsrep_applier_threads"));
        if (!"ON".equals(variables.get("wsrep_on")) || !"1".equals(appliers)) {
            return Optional.empty();
        }
        return Optional.of("This Galera node runs one applier thread (wsrep_slave_threads = 1): when nodes write the same row at once, "
                + "a node can stall until InnoDB's lock wait timeout (innodb_lock_wait_timeout). Set wsrep_slave_threads to 4 or more "
                + "on every node (see the README).");
    }
}
