package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

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

    @Test
    void aPoolOnANodeWithOneApplierThreadWarnsOnceAtStart() {
        Logger logger = (Logger) LoggerFactory.getLogger(GaleraAppliers.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        List<TestDatabases.Database> database = cluster.newDatabase();
        try {
            try (TestStore store = TestStore.open(database.get(1), Map.of())) {
                assertEquals(List.of(), captured.list, "the test cluster runs " + GaleraCluster.APPLIER_THREADS + " appliers");
            }
            cluster.execute(0, "SET GLOBAL wsrep_slave_threads = 1");
            try (TestStore store = TestStore.open(database.get(0), Map.of())) {
                assertEquals(1, captured.list.size(), () -> captured.list.toString());
                ILoggingEvent warning = captured.list.get(0);
                assertEquals(Level.WARN, warning.getLevel());
                assertTrue(warning.getFormattedMessage().startsWith("This Galera node runs one applier thread (wsrep_slave_threads = 1)"),
                        warning.getFormattedMessage());
            }
        } finally {
            cluster.execute(0, "SET GLOBAL wsrep_slave_threads = " + GaleraCluster.APPLIER_THREADS);
            logger.detachAppender(captured);
        }
    }
}
