package io.gatekey.adapter.persistence;

import io.gatekey.application.service.GatekeyPorts;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** A running persistence adapter (a Micronaut context) over one test database. */
final class TestStore implements AutoCloseable {

    static final String MASTER_KEY = "1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final String[] TABLES = {"master_key_canary", "request_nonce", "temporary_credential", "mfa_device", "access_key", "sub_account", "account", "audit_event", "audit_chain"};

    private static final java.util.concurrent.atomic.AtomicInteger NODES = new java.util.concurrent.atomic.AtomicInteger();
    /** The node name its audit chains are written under. */
    final String nodeName;
    private static TestStore h2;
    private static TestStore mariaDb;

    final TestDatabases.Database database;
    final ApplicationContext context;

    private TestStore(TestDatabases.Database database, Map<String, Object> extra) {
        this.database = database;
        Map<String, Object> properties = new HashMap<>(properties(database));
        // Each store is a node of its own, as each node of a deployment is named apart.
        properties.put("gatekey.node-name", "test-node-" + NODES.incrementAndGet());
        properties.putAll(extra);
        this.nodeName = (String) properties.get("gatekey.node-name");
        this.context = ApplicationContext.builder().properties(properties).singletons(Clock.systemUTC()).start();
    }

    static Map<String, Object> properties(TestDatabases.Database database) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", database.url());
        properties.put("datasources.default.username", database.user());
        properties.put("datasources.default.password", database.password());
        properties.put("datasources.default.driver-class-name", database.driver());
        properties.put("datasources.default.dialect", "MYSQL");
        properties.put("datasources.default.maximum-pool-size", 24);
        properties.put("datasources.default.connection-timeout", 5000);
        properties.put("gatekey.database.migrate-at-start", true);
        properties.put("gatekey.master-key", MASTER_KEY);
        properties.put("gatekey.purge.enabled", false);
        // One chain writer per node: concurrent appends in these tests queue for it, and those that wait too long
        // share its chains through the head's row lock, so every way of meeting on one head is exercised.
        properties.put("gatekey.audit.chains-per-node", 1);
        return properties;
    }

    /** A store over a database of its own; the caller closes it. */
    static TestStore open(TestDatabases.Database database, Map<String, Object> extra) {
        return new TestStore(database, extra);
    }

    /** The shared H2 store of this JVM, emptied. */
    static synchronized TestStore h2() {
        if (h2 == null) {
            h2 = new TestStore(TestDatabases.newH2Database(), Map.of());
        }
        h2.clear();
        return h2;
    }

    /** The shared MariaDB store of this JVM, emptied. */
    static synchronized TestStore mariaDb() {
        if (mariaDb == null) {
            mariaDb = new TestStore(TestDatabases.newMariaDbDatabase(), Map.of());
        }
        mariaDb.clear();
        return mariaDb;
    }

    GatekeyPorts ports(Clock clock) {
        return PersistentGatekey.ports(context, clock);
    }

    void clear() {
        for (String table : TABLES) {
            execute("DELETE FROM " + table);
        }
    }

    /** How many stored secrets (keys, seeds, credentials) are sealed under {@code version}. */
    int rowsSealedUnder(int version) {
        int count = 0;
        for (String table : new String[] {"access_key", "mfa_device", "temporary_credential"}) {
            count += count("SELECT COUNT(*) FROM " + table + " WHERE key_version = " + version);
        }
        return count;
    }

    /** MariaDB's plan for a query: one map per step, by column of {@code EXPLAIN} ({@code table}, {@code type}, {@code key}, ...). */
    List<Map<String, String>> explain(String sql) {
        return query("EXPLAIN " + sql, rs -> {
            List<Map<String, String>> steps = new ArrayList<>();
            while (rs.next()) {
                Map<String, String> step = new TreeMap<>();
                for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                    step.put(rs.getMetaData().getColumnLabel(column), rs.getString(column));
                }
                steps.add(step);
            }
            return steps;
        });
    }

    int count(String sql) {
        return Integer.parseInt(text(sql));
    }

    /** The first column of the first row. */
    String text(String sql) {
        return query(sql, rs -> {
            rs.next();
            return rs.getString(1);
        });
    }

    /**
     * MariaDB's statement counters of the session that answers (with a pool of one connection, the pool's), read in
     * one statement, which itself counts as one {@code com_select}.
     */
    Map<String, Long> sessionCounters() {
        return query("SELECT LOWER(variable_name), variable_value FROM information_schema.session_status WHERE variable_name IN "
                + "('COM_BEGIN', 'COM_COMMIT', 'COM_ROLLBACK', 'COM_SET_OPTION', 'COM_SELECT', 'COM_INSERT', 'COM_UPDATE', 'COM_DELETE')", rs -> {
            Map<String, Long> counters = new TreeMap<>();
            while (rs.next()) {
                counters.put(rs.getString(1), rs.getLong(2));
            }
            return counters;
        });
    }

    /** What a query's rows read into, on a connection of the store's pool. */
    private interface ResultReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T query(String sql, ResultReader<T> reader) {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class)).getConnection();
             Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return reader.read(rs);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** What the statements between two readings of {@link #sessionCounters()} counted, the second reading taken out. */
    static Map<String, Long> between(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> counted = new TreeMap<>();
        after.forEach((name, value) -> counted.put(name, value - before.get(name) - (name.equals("com_select") ? 1 : 0)));
        return counted;
    }

    void execute(String sql) {
        execute(context, sql);
    }

    static void execute(ApplicationContext context, String sql) {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class)).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
