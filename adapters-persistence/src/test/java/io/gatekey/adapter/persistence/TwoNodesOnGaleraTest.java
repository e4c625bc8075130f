package io.gatekey.adapter.persistence;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Two nodes, each on its own node of a two-node Galera cluster: no lock spans the nodes, so a racer that loses
 * learns it at commit (certification) and must still get the refusal that says why.
 */
class TwoNodesOnGaleraTest extends TwoNodesContract {

    private static GaleraCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = GaleraCluster.start(2);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    List<TestDatabases.Database> newDatabase() {
        return cluster.newDatabase();
    }
}
