package io.gatekey.adapter.persistence;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read-your-writes across the nodes of a MariaDB Galera cluster. Galera certifies a commit on every node before it
 * returns, but applies it on the others a moment later, so a plain read on another node can miss a credential just
 * issued or a key just deactivated. Every MariaDB connection therefore starts with {@code wsrep_sync_wait} (default
 * 1: reads and transaction starts first wait until the node has applied everything the cluster had committed when
 * they began). On a server without Galera the setting exists and does nothing. {@code gatekey.database.wsrep-sync-wait}
 * sets another mask of Galera's, 0 turns it off; a pool configured with its own {@code connection-init-sql} is left
 * as configured.
 */
@Singleton
final class ClusterReads implements BeanCreatedEventListener<DatasourceConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterReads.class);

    private final int syncWait;

    ClusterReads(@Value("${gatekey.database.wsrep-sync-wait:1}") int syncWait) {
        if (syncWait < 0 || syncWait > 15) {
            throw new IllegalArgumentException("gatekey.database.wsrep-sync-wait is a mask from 0 to 15, not " + syncWait);
        }
        this.syncWait = syncWait;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        String url = configuration.getUrl();
        if (syncWait == 0 || url == null || !url.startsWith("jdbc:mariadb:")) {
            return configuration;
        }
        if (configuration.getConnectionInitSql() != null) {
            LOG.warn("datasources.{}.connection-init-sql is set, so Gatekey does not set wsrep_sync_wait: on a Galera cluster it should "
                    + "include SET SESSION wsrep_sync_wait = {}", configuration.getName(), syncWait);
            return configuration;
        }
        configuration.setConnectionInitSql("SET SESSION wsrep_sync_wait = " + syncWait);
        return configuration;
    }
}
