package io.gatekey.adapter.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class H2KeyLastUsesTest extends KeyLastUsesContract {

    private static TestStore store;

    @BeforeAll
    static void open() {
        store = open(TestDatabases.newH2Database());
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
        return TestDatabases.newH2Database();
    }
}
