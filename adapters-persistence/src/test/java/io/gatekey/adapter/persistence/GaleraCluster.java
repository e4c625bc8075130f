package io.gatekey.adapter.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A MariaDB Galera cluster on loopback, made of the machine's {@code mariadbd} and Galera 4 provider: the first
 * node bootstraps a new cluster, the others join it with an rsync state transfer once it is synced. Each node has
 * its own folder under one temporary folder, removed on close.
 *
 * <p>As root, the rsync transfer writes the joiner's data as {@code nobody}: the folders are traversable and
 * writable for it, while each node's {@code my.cnf} is not world-writable (mariadbd ignores such a file).
 */
public final class GaleraCluster implements AutoCloseable {

    static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");
    static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
    static final List<Path> PROVIDERS = List.of(Path.of("/usr/lib/galera/libgalera_smm.so"), Path.of("/usr/lib64/galera-4/libgalera_smm.so"));
    static final Path RSYNC = Path.of("/usr/bin/rsync");
    /**
     * Applier threads per node, as the README advises: with one, a node can stall for InnoDB's lock wait timeout when
     * both nodes write one row at once (see {@code GaleraAppliers}).
     */
    static final int APPLIER_THREADS = 4;
    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(90);
    static final String SHORT_FAILURE_DETECTION =
            "evs.keepalive_period=PT0.5S;evs.suspect_timeout=PT2S;evs.inactive_timeout=PT4S;evs.install_timeout=PT4S";

    /** One node: its client port and its process, while it runs. */
    public static final class Node {
        final int index;
        final Path dir;
        final int port;
        final int groupPort;
        final int transferPort;
        final int incrementalPort;
        Process process;

        Node(int index, Path dir) {
            this.index = index;
            this.dir = dir;
            this.port = TestPorts.free();
            this.groupPort = TestPorts.free();
            this.transferPort = TestPorts.free();
            this.incrementalPort = TestPorts.free();
        }

        public int port() {
            return port;
        }

        public boolean running() {
            return process != null && process.isAlive();
        }
    }

    private final Path root;
    private final Path provider;
    private final List<Node> nodes = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::destroyAll);

    private GaleraCluster(Path root, Path provider, int size) {
        this.root = root;
        this.provider = provider;
        for (int i = 0; i < size; i++) {
            nodes.add(new Node(i, root.resolve("node" + i)));
        }
    }

    /**
     * Skips the calling test where the machine has no Galera, except under CI, where {@code .ci/run} installs it
     * and a missing piece is a failure.
     */
    public static void assumeAvailable() {
        Optional<String> missing = missingPiece();
        if (missing.isPresent() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("Galera tests need " + missing.get() + " (.ci/run installs galera-4 and rsync)");
        }
        Assumptions.assumeTrue(missing.isEmpty(), () -> "no local Galera cluster possible: missing " + missing.orElse(""));
    }

    private static Optional<String> missingPiece() {
        if (!Files.isExecutable(MARIADBD) || !Files.isExecutable(INSTALL_DB)) {
            return Optional.of("mariadbd (mariadb-server)");
        }
        if (PROVIDERS.stream().noneMatch(Files::isReadable)) {
            return Optional.of("libgalera_smm.so (galera-4)");
        }
        if (!Files.isExecutable(RSYNC)) {
            return Optional.of("rsync");
        }
        return Optional.empty();
    }

    /** Starts a cluster of the given size and returns once every node is synced. */
    public static GaleraCluster start(int size) {
        assumeAvailable();
        try {
            Path root = Files.createTempDirectory("gatekey-galera-");
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxrwx"));
            GaleraCluster cluster = new GaleraCluster(root, PROVIDERS.stream().filter(Files::isReadable).findFirst().orElseThrow(), size);
            Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
            try {
                cluster.bootstrap();
                for (int i = 1; i < size; i++) {
                    cluster.join(cluster.nodes.get(i));
                }
                cluster.shortenFailureDetection();
                return cluster;
            } catch (RuntimeException e) {
                cluster.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return nodes.size();
    }

    public Node node(int index) {
        return nodes.get(index);
    }

    /** A new empty database (created through node 0, so every node has it), one connection description per node. */
    public List<TestDatabases.Database> newDatabase() {
        String name = "gatekey_galera_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(0, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        return nodes.stream().map(node -> new TestDatabases.Database(url(node, name), "root", "", "org.mariadb.jdbc.Driver")).toList();
    }

    /**
     * The database on all nodes through one URL as the README configures it: Connector/J's sequential failover mode,
     * nodes in this order, synced nodes only.
     */
    public TestDatabases.Database failoverDatabase(TestDatabases.Database any, int... order) {
        String name = any.url().substring(any.url().lastIndexOf('/') + 1);
        String hosts = IntStream.of(order).mapToObj(i -> "127.0.0.1:" + nodes.get(i).port).collect(Collectors.joining(","));
        return new TestDatabases.Database("jdbc:mariadb:sequential//" + hosts + "/" + name + "?galeraAllowedState=4&connectTimeout=2000", "root", "", "org.mariadb.jdbc.Driver");
    }

    /** Ends a node at once, as a crash or a lost machine would (SIGKILL). */
    public void kill(int index) {
        Node node = nodes.get(index);
        node.process.destroyForcibly();
        try {
            node.process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs one statement on one node. */
    public void execute(int index, String sql) {
        try (Connection connection = connect(nodes.get(index), ""); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The value of a status variable on one node. */
    public String status(int index, String variable) {
        return show(index, "SHOW STATUS LIKE '" + variable + "'");
    }

    private String variable(int index, String name) {
        return show(index, "SHOW GLOBAL VARIABLES LIKE '" + name + "'");
    }

    private String show(int index, String sql) {
        try (Connection connection = connect(nodes.get(index), ""); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(2) : "";
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private void bootstrap() throws IOException {
        Node first = nodes.get(0);
        writeConfig(first);
        run(List.of(INSTALL_DB.toString(), "--defaults-file=" + first.dir.resolve("my.cnf"), "--auth-root-authentication-method=normal",
                "--skip-test-db"), first.dir.resolve("install.log"));
        launch(first, true);
        awaitSynced(first);
    }

    private void join(Node node) throws IOException {
        writeConfig(node);
        launch(node, false);
        awaitSynced(node);
    }

    /**
     * A lost node is suspected after 2 s and evicted after 4 s (Galera's defaults are 5 s and 15 s), set on the
     * running nodes once all are synced: while a joiner receives its state transfer, a machine busy for a few
     * seconds must not partition it from the cluster.
     */
    private void shortenFailureDetection() {
        for (Node node : nodes) {
            execute(node.index, "SET GLOBAL wsrep_provider_options = '" + SHORT_FAILURE_DETECTION + "'");
            String options = variable(node.index, "wsrep_provider_options");
            if (!options.contains("evs.suspect_timeout = PT2S") || !options.contains("evs.inactive_timeout = PT4S")) {
                throw new IllegalStateException("Galera node " + node.index + " kept its failure detection: " + options);
            }
        }
    }

    private void writeConfig(Node node) throws IOException {
        Files.createDirectories(node.dir.resolve("data"));
        Files.setPosixFilePermissions(node.dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(node.dir.resolve("data"), PosixFilePermissions.fromString("rwxrwxrwx"));
        String members = nodes.stream().map(n -> "127.0.0.1:" + n.groupPort).collect(Collectors.joining(","));
        boolean root = "root".equals(System.getProperty("user.name"));
        String config = String.join("\n",
                "[mysqld]",
                "datadir=" + node.dir.resolve("data"),
                "socket=" + node.dir.resolve("mariadb.sock"),
                "pid-file=" + node.dir.resolve("mariadb.pid"),
                "log-error=" + node.dir.resolve("error.log"),
                "port=" + node.port,
                "bind-address=127.0.0.1",
                root ? "user=root" : "",
                "skip-name-resolve",
                "max_connections=400",
                "performance_schema=OFF",
                "innodb_buffer_pool_size=48M",
                "innodb_log_file_size=16M",
                "innodb_flush_log_at_trx_commit=2",
                "binlog_format=ROW",
                "innodb_autoinc_lock_mode=2",
                "wsrep_slave_threads=" + APPLIER_THREADS,
                "wsrep_on=ON",
                "wsrep_provider=" + provider,
                "wsrep_cluster_name=gatekey-test",
                "wsrep_cluster_address=gcomm://" + members,
                "wsrep_node_name=node" + node.index,
                "wsrep_node_address=127.0.0.1:" + node.groupPort,
                "wsrep_sst_method=rsync",
                "wsrep_sst_receive_address=127.0.0.1:" + node.transferPort,
                "wsrep_provider_options=gmcast.listen_addr=tcp://127.0.0.1:" + node.groupPort + ";ist.recv_addr=127.0.0.1:"
                        + node.incrementalPort + ";gcache.size=32M",
                "");
        Path file = node.dir.resolve("my.cnf");
        Files.writeString(file, config);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }

    private void launch(Node node, boolean newCluster) throws IOException {
        List<String> command = new ArrayList<>(List.of(MARIADBD.toString(), "--defaults-file=" + node.dir.resolve("my.cnf")));
        if (newCluster) {
            command.add("--wsrep-new-cluster");
        }
        node.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(node.dir.resolve("stdout.log").toFile()).start();
    }

    private void awaitSynced(Node node) {
        Instant deadline = Instant.now().plus(SYNC_TIMEOUT);
        String state = "";
        while (Instant.now().isBefore(deadline)) {
            if (!node.process.isAlive()) {
                throw new IllegalStateException("Galera node " + node.index + " ended: " + tail(node.dir.resolve("error.log")));
            }
            try (Connection connection = connect(node, ""); Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SHOW STATUS LIKE 'wsrep_local_state_comment'")) {
                state = rs.next() ? rs.getString(2) : "";
                if ("Synced".equals(state)) {
                    return;
                }
            } catch (SQLException e) {
                state = e.getMessage();
            }
            sleep(200);
        }
        throw new IllegalStateException("Galera node " + node.index + " not synced (" + state + "): " + tail(node.dir.resolve("error.log")));
    }

    private static Connection connect(Node node, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + node.port + "/" + database + "?connectTimeout=2000", "root", "");
    }

    private static String url(Node node, String database) {
        return "jdbc:mariadb://127.0.0.1:" + node.port + "/" + database;
    }

    private static void run(List<String> command, Path log) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed: " + tail(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void destroyAll() {
        for (Node node : nodes) {
            if (node.process != null) {
                node.process.destroyForcibly();
            }
        }
        for (Node node : nodes) {
            if (node.process != null) {
                try {
                    node.process.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the machine cleans it eventually
        }
    }

    @Override
    public void close() {
        destroyAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // the JVM is already ending
        }
    }
}
