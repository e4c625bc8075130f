package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Parameters are bound with the setter of their type, and every kind the stores write comes back as it went in. */
class StatementsTest {

    static List<Supplier<TestStore>> stores() {
        return List.of(TestStore::h2, TestStore::mariaDb);
    }

    @Test
    void bindsEachValueWithTheSetterOfItsType() throws Exception {
        List<String> calls = new ArrayList<>();
        PreparedStatement statement = (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    calls.add(method.getName() + " " + args[0] + " " + (args[1] instanceof byte[] bytes ? Arrays.toString(bytes) : args[1]));
                    return null;
                });

        Object[] values = {"GKAKONE", 7L, 3, true, new byte[] {1, 2}, null, new BigDecimal("1.5")};
        for (int i = 0; i < values.length; i++) {
            Statements.bind(statement, i + 1, values[i]);
        }

        assertEquals(List.of("setString 1 GKAKONE", "setLong 2 7", "setInt 3 3", "setBoolean 4 true", "setBytes 5 [1, 2]",
                "setObject 6 null", "setObject 7 1.5"), calls);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void everyKindOfValueComesBackAsWritten(Supplier<TestStore> opened) throws Exception {
        TestStore store = opened.get();
        try (Connection connection = DelegatingDataSource.unwrapDataSource(store.context.getBean(DataSource.class)).getConnection()) {
            Statements.update(connection, "DROP TABLE IF EXISTS bound_values", List.of());
            Statements.update(connection, "CREATE TABLE bound_values (id VARCHAR(20) PRIMARY KEY, at_ms BIGINT, version INT, "
                    + "revoked BOOLEAN, sealed VARBINARY(16), note VARCHAR(20), amount DECIMAL(5, 2))", List.of());
            String insert = "INSERT INTO bound_values (id, at_ms, version, revoked, sealed, note, amount) VALUES (?, ?, ?, ?, ?, ?, ?)";

            assertEquals(1, Statements.update(connection, insert, Arrays.asList("one", 1_733_500_000_123L, 2, true, new byte[] {0, -1, 7},
                    null, new BigDecimal("12.50"))));
            assertArrayEquals(new boolean[] {true, true}, Statements.updateEachOne(connection, insert, List.of(
                    new Object[] {"two", Long.MAX_VALUE, Integer.MIN_VALUE, false, new byte[0], "x", null},
                    new Object[] {"three", -1L, 0, false, null, "é", new BigDecimal("-0.01")})));

            List<Object[]> rows = Statements.query(connection, "SELECT id, at_ms, version, revoked, sealed, note, amount FROM bound_values "
                    + "WHERE id IN (?, ?, ?) AND revoked IN (?, ?) ORDER BY at_ms", List.of("one", "two", "three", true, false),
                    row -> new Object[] {row.getString(1), row.getLong(2), row.getInt(3), row.getBoolean(4), row.getBytes(5),
                            row.getString(6), row.getBigDecimal(7)});

            assertEquals(List.of("three", "one", "two"), rows.stream().map(row -> row[0]).toList());
            assertEquals(List.of(-1L, 1_733_500_000_123L, Long.MAX_VALUE), rows.stream().map(row -> row[1]).toList());
            assertEquals(List.of(0, 2, Integer.MIN_VALUE), rows.stream().map(row -> row[2]).toList());
            assertEquals(List.of(false, true, false), rows.stream().map(row -> row[3]).toList());
            assertNull(rows.get(0)[4]);
            assertArrayEquals(new byte[] {0, -1, 7}, (byte[]) rows.get(1)[4]);
            assertArrayEquals(new byte[0], (byte[]) rows.get(2)[4]);
            assertEquals(Arrays.asList("é", null, "x"), rows.stream().map(row -> row[5]).toList());
            assertEquals(Arrays.asList(new BigDecimal("-0.01"), new BigDecimal("12.50"), null), rows.stream().map(row -> row[6]).toList());
        } finally {
            try (Connection connection = DelegatingDataSource.unwrapDataSource(store.context.getBean(DataSource.class)).getConnection()) {
                Statements.update(connection, "DROP TABLE IF EXISTS bound_values", List.of());
            }
        }
    }
}
