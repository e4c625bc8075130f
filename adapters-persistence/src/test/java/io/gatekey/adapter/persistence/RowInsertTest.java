package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A keyed insert finds which of its keys a table holds already, on both databases (row values compared with {@code IN}). */
class RowInsertTest {

    static List<Supplier<TestStore>> stores() {
        return List.of(TestStore::h2, TestStore::mariaDb);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void findsTheKeysTakenAmongThoseAsked(Supplier<TestStore> opened) throws Exception {
        TestStore store = opened.get();
        RowInsert nonces = JdbcRequestNonceRegistry.INSERT_NEW;
        try (Connection connection = DelegatingDataSource.unwrapDataSource(store.context.getBean(DataSource.class)).getConnection()) {
            assertEquals(2, nonces.run(connection, List.of(new Object[] {"GKAKONE", "n-1", 1L}, new Object[] {"GKAKTWO", "n-1", 1L})));
            assertEquals(1, nonces.run(connection, List.of(new Object[] {"GKAKONE", "n-1", 2L}, new Object[] {"GKAKONE", "n-2", 2L})),
                    "the key used before is skipped");

            Set<List<Object>> taken = nonces.taken(connection, List.of(List.of("GKAKONE", "n-1"), List.of("GKAKONE", "n-3"),
                    List.of("GKAKTWO", "n-1"), List.of("GKAKTWO", "n-2"), List.of("gkakone", "n-1")));

            assertEquals(Set.of(List.of("GKAKONE", "n-1"), List.of("GKAKTWO", "n-1")), taken);
            assertEquals(List.of("GKAKONE", "n-2"), nonces.keyOf(new Object[] {"GKAKONE", "n-2", 3L}));
            assertEquals(Set.of(), new RowInsert("INSERT", "request_nonce", "access_key_id", "nonce", "expires_ms")
                    .taken(connection, List.of(List.of("GKAKONE", "n-1"))), "no key columns known: nothing to look for");
        }
    }
}
