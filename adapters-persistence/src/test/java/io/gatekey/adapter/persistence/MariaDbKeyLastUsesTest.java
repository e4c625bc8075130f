package io.gatekey.adapter.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class MariaDbKeyLastUsesTest extends KeyLastUsesContract {

    private static TestStore store;

    @BeforeAll
    static void open() {
        store = open(TestDatabases.newMariaDbDatabase());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Override
    protected TestStore store() {
        return store;
    }

    @Override
    protected TestDatabases.Database newDatabase() {
        return TestDatabases.newMariaDbDatabase();
    }
}
