package io.gatekey.app;

import io.gatekey.adapter.cli.CliEnvironment;
import io.gatekey.adapter.persistence.EmbeddedBackup;
import io.gatekey.adapter.persistence.EmbeddedDatabaseOpening;
import io.gatekey.adapter.persistence.MasterKeyFactory;
import io.gatekey.adapter.persistence.MasterKeyFile;
import io.gatekey.adapter.persistence.MasterKeyRotation;
import io.gatekey.adapter.persistence.SchemaMigrations;
import io.gatekey.application.port.out.AuditOrigins;
import io.gatekey.application.service.GatekeyServices;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.audit.AuditOrigin;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.RuntimeBeanDefinition;
import io.micronaut.context.env.Environment;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * The CLI's installation: the configured database (the embedded default unless a MariaDB is configured), opened
 * on first use without the HTTP server, with the purge job left to the server.
 */
final class AppEnvironment implements CliEnvironment, AutoCloseable {

    private final Map<String, Object> overrides;
    private final Clock clock;
    private ApplicationContext context;
    private boolean schemaChecked;
    private boolean serving;
    /** The thread opening the context ahead, while it is the one that may ({@link #openAhead()}). */
    private Thread opening;
    /** What the opening ahead met instead of a context: the command meets it when it asks for one. */
    private RuntimeException openingFailed;

    AppEnvironment(Map<String, Object> overrides) {
        this(overrides, null);
    }

    /** With a clock of the caller's, which replaces the system clock (tests). */
    AppEnvironment(Map<String, Object> overrides, Clock clock) {
        this.overrides = overrides;
        this.clock = clock;
    }

    @Override
    public synchronized GatekeyServices useCases() {
        ApplicationContext opened = context();
        if (!schemaChecked) {
            DataSource dataSource = DelegatingDataSource.unwrapDataSource(opened.getBean(DataSource.class));
            // Flyway is started only when the schema is not current (a fresh installation, an upgrade, a history
            // that differs from this jar's migrations): a short command should not pay for it every time.
            if (!SchemaMigrations.isCurrent(dataSource)) {
                SchemaMigrations.migrate(dataSource);
                opened.getBean(MasterKeyRotation.class).resealOwnerUnbound(500);
            }
            schemaChecked = true;
        }
        return opened.getBean(GatekeyServices.class);
    }

    @Override
    public Maintenance maintenance() {
        return new Maintenance() {
            @Override
            public int migrate() {
                ApplicationContext opened = context();
                int applied = SchemaMigrations.migrate(DelegatingDataSource.unwrapDataSource(opened.getBean(DataSource.class)));
                opened.getBean(MasterKeyRotation.class).resealOwnerUnbound(500);
                return applied;
            }

            @Override
            public Reseal reseal() {
                MasterKeyRotation rotation = context().getBean(MasterKeyRotation.class);
                int resealed = rotation.resealAll(500);
                return new Reseal(rotation.activeVersion(), resealed, rotation.remaining());
            }

            @Override
            public Rotation rotateMasterKey() {
                Environment environment = context().getEnvironment();
                Path keyFile = MasterKeyFactory.keyFile(property(environment, "gatekey.master-key"), property(environment, "gatekey.master-key-file"),
                                Path.of(property(environment, "gatekey.data-dir", "./data")), property(environment, "datasources.default.url"))
                        .orElseThrow(() -> new IllegalStateException("the master key comes from GATEKEY_MASTER_KEY: add a new version "
                                + "there (version:base64, comma-separated) on every node and restart; this command rotates key files only"));
                int version = MasterKeyFile.appendNewVersion(keyFile);
                close();
                MasterKeyRotation rotation = context().getBean(MasterKeyRotation.class);
                int resealed = rotation.resealAll(500);
                return new Rotation(version, resealed, rotation.remaining());
            }

            @Override
            public Backup backup(Path file) {
                ApplicationContext opened = context();
                try {
                    return backupOf(file, EmbeddedBackup.take(opened, file, opened.getBean(Clock.class).instant(), useCases().recordDatabaseBackup(),
                            new Principal.Operator()));
                } catch (EmbeddedBackup.Refused e) {
                    throw new Refused(e.getMessage());
                }
            }

            @Override
            public Restore restore(Path file) {
                // Nothing of this process may hold the database: its configuration alone is read, no context started.
                close();
                EmbeddedBackup.Restored restored;
                try (ApplicationContext unstarted = builder().build()) {
                    restored = EmbeddedBackup.restore(unstarted.getEnvironment().start(), file, (clock == null ? Clock.systemUTC() : clock).instant());
                } catch (EmbeddedBackup.Refused e) {
                    throw new Refused(e.getMessage());
                }
                // The trail of the restored database says so: what came after the backup is only in the one it replaced.
                restored.record(file, useCases().recordDatabaseRestore(), new Principal.Operator());
                return new Restore(backupOf(file, restored.summary()), restored.replaced());
            }
        };
    }

    private static Maintenance.Backup backupOf(Path file, EmbeddedBackup.Summary summary) {
        return new Maintenance.Backup(file, summary.schemaVersion(), summary.takenAt(), summary.tables(), summary.rows());
    }

    @Override
    public void serve(String[] args) {
        close();
        ApplicationContext server = GatekeyContextBuilder.server().args(args).properties(overrides).build();
        prepare(server.getEnvironment().start());
        server.start();
        EmbeddedServer http = server.getBean(EmbeddedServer.class).start();
        LoggerFactory.getLogger(AppEnvironment.class).info("Gatekey is serving on {} ({} ms after the JVM started)", http.getURL(),
                System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        warnIfExposedWithoutTls(server.getEnvironment(), http);
        serving = true;
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "gatekey-shutdown"));
        stopBeforeExitOn(server, "TERM", "INT");
    }

    /**
     * On these signals the server stops first, and only then does the JVM exit and run its shutdown hooks. The embedded
     * H2 closes its database in a hook of its own (it refuses {@code DB_CLOSE_ON_EXIT=FALSE} with {@code AUTO_SERVER}),
     * and hooks run at once: it closed the database under the server's last writes (the key last-used times a stop
     * flushes) and its health probe. Where a signal cannot be handled (the JVM started with {@code -Xrs}), the hook
     * above still stops the server.
     */
    private static void stopBeforeExitOn(ApplicationContext server, String... signals) {
        for (String name : signals) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), received -> {
                    server.close();
                    System.exit(128 + received.getNumber());
                });
            } catch (IllegalArgumentException notHandled) {
                LoggerFactory.getLogger(AppEnvironment.class).debug("SIG{} stops the server through the JVM's shutdown hooks", name);
            }
        }
    }

    /** Signed requests and the secrets in answers travel in the clear without TLS: fine on loopback, said loudly elsewhere. */
    static void warnIfExposedWithoutTls(Environment environment, EmbeddedServer http) {
        boolean tls = environment.getProperty("micronaut.server.ssl.enabled", Boolean.class).orElse(false);
        String host = environment.getProperty("micronaut.server.host", String.class).orElse("0.0.0.0");
        if (!tls && !isLoopback(host)) {
            LoggerFactory.getLogger(AppEnvironment.class).warn("Listening on {} port {} without TLS: secret keys, session tokens and seeds in "
                    + "answers, and every signed request, cross the network in the clear. Enable micronaut.server.ssl, or set "
                    + "micronaut.server.host=127.0.0.1 for local use.", host.equals("0.0.0.0") ? "every interface" : host, http.getPort());
        }
    }

    static boolean isLoopback(String host) {
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    boolean serving() {
        return serving;
    }

    /**
     * Starts opening the commands' context on a thread of its own while picocli reads the command line (it builds a
     * command's options by reflection, a sixth of a short command's start): the command then finds the context open,
     * or meets the fault the opening met, as it would have met it itself. Only where opening creates no file: a
     * mistyped command must not make a new installation's database or master key.
     */
    @Override
    public synchronized void openAhead() {
        if (context == null && opening == null) {
            opening = new Thread(this::openUnlessItCreates, "gatekey-context-opening");
            opening.setDaemon(true);
            opening.start();
        }
    }

    private synchronized void openUnlessItCreates() {
        if (Thread.currentThread() != opening || context != null) {
            return;
        }
        try {
            context = open(true);
        } catch (RuntimeException e) {
            openingFailed = e;
        }
    }

    /** The thread that opened or is opening the context ahead, if any (tests). */
    synchronized Thread opening() {
        return opening;
    }

    /** Whether the context is open (tests). */
    synchronized boolean isOpen() {
        return context != null;
    }

    /** The commands' application context, opened if it is not yet. */
    synchronized ApplicationContext context() {
        if (context == null) {
            RuntimeException failed = openingFailed;
            if (failed != null) {
                openingFailed = null;
                throw failed;
            }
            context = open(false);
        }
        return context;
    }

    /**
     * Builds and starts the commands' context; or, asked to create nothing, none (null) where opening the database
     * would create a file.
     */
    private ApplicationContext open(boolean creatingNothing) {
        ApplicationContext built = builder().build();
        Environment environment = built.getEnvironment().start();
        if (creatingNothing && !EmbeddedDatabaseOpening.opensWithoutCreating(environment)) {
            built.close();
            return null;
        }
        prepare(environment);
        return built.start();
    }

    /** The commands' context, to be built: the operator's beans, no purge job, no migration at start, one idle connection. */
    private ApplicationContextBuilder builder() {
        Map<String, Object> properties = new HashMap<>(overrides);
        properties.put("gatekey.purge.enabled", false);
        properties.put("gatekey.database.migrate-at-start", false);
        // The management endpoints and metrics are not in a command's context at all (GatekeyContextBuilder.operator()).
        properties.put("gatekey.health.enabled", false);
        // A command runs on one connection: the pool opens no idle ones beside it (and its close waits for none).
        properties.put("datasources.default.minimum-idle", 1);
        AuditOrigins origins = AuditOrigins.fixed(AuditOrigin.local("cli"));
        ApplicationContextBuilder builder = GatekeyContextBuilder.operator().properties(properties)
                .beanDefinitions(RuntimeBeanDefinition.of(AuditOrigins.class, () -> origins));
        if (clock != null) {
            builder.singletons(clock);
        }
        return builder;
    }

    /**
     * Before a context starts, its configuration read: the master key checked (a start without a usable key changes
     * nothing and ends with the message that says what to set), and the embedded database opening on a thread of its
     * own.
     */
    private static void prepare(Environment environment) {
        MasterKeyFactory.preflight(environment);
        EmbeddedDatabaseOpening.begin(environment);
    }

    private static String property(Environment environment, String name) {
        return property(environment, name, "");
    }

    private static String property(Environment environment, String name, String fallback) {
        return environment.getProperty(name, String.class).orElse(fallback);
    }

    @Override
    public synchronized void close() {
        // An opening ahead that has not begun yet no longer may.
        opening = null;
        openingFailed = null;
        if (context != null) {
            context.close();
            context = null;
            schemaChecked = false;
        }
    }
}
