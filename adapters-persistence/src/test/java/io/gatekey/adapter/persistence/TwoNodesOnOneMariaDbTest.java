package io.gatekey.adapter.persistence;

import java.util.List;

/** Two nodes on one MariaDB server: its row locks serialise the racers. */
class TwoNodesOnOneMariaDbTest extends TwoNodesContract {

    @Override
    List<TestDatabases.Database> newDatabase() {
        TestDatabases.Database database = TestDatabases.newMariaDbDatabase();
        return List.of(database, database);
    }
}
