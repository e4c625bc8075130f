package io.gatekey.app.http;

import io.gatekey.adapter.persistence.TestDatabases;

/**
 * Three Gatekey nodes on a three-node Galera cluster, each configured as in production with a failover URL that
 * lists its own cluster node first and the others after it.
 */
class ThreeNodeClusterTest extends ClusterContract {

    @Override
    int size() {
        return 3;
    }

    @Override
    TestDatabases.Database databaseOf(int node) {
        return cluster.failoverDatabase(databases.get(0), node, (node + 1) % 3, (node + 2) % 3);
    }
}
