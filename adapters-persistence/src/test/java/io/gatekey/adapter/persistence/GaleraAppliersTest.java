package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Only a Galera node is checked for its appliers (the Galera case is in {@link TwoNodesOnGaleraTest}). */
class GaleraAppliersTest {

    @Test
    void aMariaDbWithoutGaleraAndH2AreNotWarnedOf() throws Exception {
        for (TestDatabases.Database database : new TestDatabases.Database[] {TestDatabases.newMariaDbDatabase(), TestDatabases.newH2Database()}) {
            try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password())) {
                assertEquals(Optional.empty(), GaleraAppliers.warning(connection), database.url());
            }
        }
    }
}
