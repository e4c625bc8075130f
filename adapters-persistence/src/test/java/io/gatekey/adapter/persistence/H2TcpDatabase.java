package io.gatekey.adapter.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.tools.Server;

/** An H2 database behind a loopback TCP server that a test can stop and start again, to play a database outage. */
public final class H2TcpDatabase implements AutoCloseable {

    private final Path folder;
    private final int port;
    private Server server;

    public H2TcpDatabase() {
        System.setProperty("h2.bindAddress", "127.0.0.1");
        try {
            this.folder = Files.createTempDirectory("gatekey-h2-tcp-");
            try (ServerSocket probe = new ServerSocket(0)) {
                this.port = probe.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    public TestDatabases.Database database() {
        return new TestDatabases.Database("jdbc:h2:tcp://127.0.0.1:" + port + "/gatekey;MODE=MariaDB;DATABASE_TO_LOWER=TRUE", "sa", "", "org.h2.Driver");
    }

    public void start() {
        try {
            server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-baseDir", folder.toString(), "-ifNotExists").start();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start the H2 TCP server", e);
        }
    }

    public void stop() {
        server.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
