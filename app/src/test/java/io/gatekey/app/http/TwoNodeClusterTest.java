package io.gatekey.app.http;

/** Two Gatekey nodes on a two-node Galera cluster, each on its own cluster node. */
class TwoNodeClusterTest extends ClusterContract {

    @Override
    int size() {
        return 2;
    }
}
