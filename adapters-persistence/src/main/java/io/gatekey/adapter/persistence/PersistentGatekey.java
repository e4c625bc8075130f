package io.gatekey.adapter.persistence;

import io.gatekey.application.embedded.SecureRandomSource;
import io.gatekey.application.port.out.AccessKeyRepository;
import io.gatekey.application.port.out.AccountRepository;
import io.gatekey.application.port.out.AuditLog;
import io.gatekey.application.port.out.ConsoleSessionRepository;
import io.gatekey.application.port.out.MfaDeviceRepository;
import io.gatekey.application.port.out.MfaFailureCounter;
import io.gatekey.application.port.out.RequestNonceRegistry;
import io.gatekey.application.port.out.SubAccountRepository;
import io.gatekey.application.port.out.TemporaryCredentialRepository;
import io.gatekey.application.port.out.TransactionRunner;
import io.gatekey.application.port.out.UsedTimeStepGuard;
import io.gatekey.application.service.GatekeyPorts;
import io.gatekey.application.service.GatekeyServices;
import io.gatekey.application.service.GatekeySettings;
import io.gatekey.domain.access.Principal;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Gatekey as a library over durable storage: every use case, the audit log and the same guarantees as the server
 * (sealed secrets, the schema migrated at open, each code accepted once in the database, lockout, audit), without
 * an HTTP server or any port opened. The server, the CLI and any number of embedding programs can share the
 * database at once.
 *
 * <pre>{@code
 * try (PersistentGatekey gatekey = PersistentGatekey.inFolder(Path.of("data")).open()) {
 *     GatekeyServices useCases = gatekey.useCases();
 *     var account = useCases.createAccount().create(new CreateAccountUseCase.Command(gatekey.operator(), new AccountName("Example Corp")));
 * }
 * }</pre>
 *
 * <p>Only what the builder is given configures it: neither the host's {@code application.yml} nor its environment
 * variables reach Gatekey's settings.
 */
public final class PersistentGatekey implements AutoCloseable {

    private final ApplicationContext context;
    private final Clock clock;
    private final GatekeyPorts ports;
    private final GatekeyServices useCases;

    private PersistentGatekey(ApplicationContext context, Clock clock, GatekeySettings settings) {
        this.context = context;
        this.clock = clock;
        this.ports = ports(context, clock);
        this.useCases = new GatekeyServices(ports, settings);
    }

    /**
     * The layout of the server's embedded default in {@code dataDir}: an H2 file database {@code gatekey} with a
     * generated password in {@code db.password}, and the master key file {@code master.key}, created (owner-only)
     * on first open. The folder is made owner-only. A server or CLI started on the same folder shares the database.
     */
    public static Builder inFolder(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        return new Builder()
                .property("gatekey.data-dir", dir.toString())
                .property("datasources.default.url", h2Url(dir))
                .property("datasources.default.username", "sa")
                .property("datasources.default.password", "");
    }

    /** The JDBC URL of the embedded default's H2 database in {@code dataDir}, as the server and the CLI open it. */
    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("gatekey") + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE";
    }

    /** A database by JDBC URL (MariaDB 10.11+ in production); a master key or key file is then required. */
    public static Builder onDatabase(String jdbcUrl, String user, String password) {
        return new Builder()
                .property("datasources.default.url", Objects.requireNonNull(jdbcUrl, "jdbcUrl"))
                .property("datasources.default.username", Objects.requireNonNull(user, "user"))
                .property("datasources.default.password", password == null ? "" : password);
    }

    /**
     * The embedding program's own data source (MariaDB, or H2 in MariaDB mode); Gatekey's pool takes connections
     * from it and does not close it. On a Galera
     * cluster its connections should set {@code wsrep_sync_wait = 1} (see the README). A master key is required.
     */
    public static Builder onDataSource(DataSource dataSource) {
        Builder builder = new Builder();
        builder.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        return builder;
    }

    /** How to open one. */
    public static final class Builder {

        private final Map<String, Object> properties = new HashMap<>();
        private DataSource dataSource;
        private Clock clock = Clock.systemUTC();
        private GatekeySettings settings = GatekeySettings.DEFAULT;

        private Builder() {
            properties.put("datasources.default.dialect", "MYSQL");
            properties.put("datasources.default.maximum-pool-size", 10);
            properties.put("datasources.default.connection-timeout", 3000);
            properties.put(MigrateAtStart.PROPERTY, false);
        }

        /** The master key versions, {@code version:base64} comma-separated (as {@code GATEKEY_MASTER_KEY}). */
        public Builder masterKey(String versionedKeys) {
            return property("gatekey.master-key", Objects.requireNonNull(versionedKeys, "versionedKeys"));
        }

        /** A master key file of {@code version:base64} lines. */
        public Builder masterKeyFile(Path file) {
            return property("gatekey.master-key-file", file.toAbsolutePath().toString());
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder settings(GatekeySettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Any other setting of the storage adapter's (the README's {@code gatekey.*} and {@code datasources.default.*} names). */
        public Builder property(String name, Object value) {
            properties.put(name, value);
            return this;
        }

        /** Opens the database, checks the master key, brings the schema up to date and wires the use cases. */
        public PersistentGatekey open() {
            ApplicationContext context = context();
            if (dataSource != null) {
                context.registerSingleton(new ProvidedDataSource(dataSource));
            }
            try {
                MasterKeyFactory.preflight(context.getEnvironment().start());
                context.start();
                DataSource database = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
                if (SchemaMigrations.migrateIfBehind(database) > 0) {
                    context.getBean(MasterKeyRotation.class).resealOwnerUnbound(500);
                }
                return new PersistentGatekey(context, clock, settings);
            } catch (RuntimeException e) {
                context.close();
                throw e;
            }
        }

        /**
         * Instead of opening the database {@link #inFolder} names, puts the one a backup holds in its place, as
         * {@code gatekey db restore} does ({@link EmbeddedBackup}), and marks the restore in the restored audit trail.
         * Nothing may hold the folder's database meanwhile (close every {@code PersistentGatekey} on it, stop the
         * server); its master key must be there already. Refused ({@link EmbeddedBackup.Refused}) with nothing changed.
         */
        public EmbeddedBackup.Restored restore(Path backup) {
            return restore(backup, EmbeddedBackup.FileMove.FILES);
        }

        /** The same, moving the database files with {@code move}. */
        EmbeddedBackup.Restored restore(Path backup, EmbeddedBackup.FileMove move) {
            EmbeddedBackup.Restored restored;
            try (ApplicationContext configuration = context()) {
                restored = EmbeddedBackup.restore(configuration.getEnvironment().start(), backup, clock.instant(), move);
            }
            try (PersistentGatekey gatekey = open()) {
                restored.record(backup, gatekey.useCases().recordDatabaseRestore(), gatekey.operator());
            }
            return restored;
        }

        /** Only what this builder was given configures it: not the host's configuration files or environment. */
        private ApplicationContext context() {
            return ApplicationContext.builder()
                    .enableDefaultPropertySources(false)
                    .environmentPropertySource(false)
                    .deduceEnvironment(false)
                    .bootstrapEnvironment(false)
                    .banner(false)
                    .properties(properties)
                    .singletons(clock)
                    .build();
        }
    }

    static GatekeyPorts ports(ApplicationContext context, Clock clock) {
        return new GatekeyPorts(context.getBean(AccountRepository.class), context.getBean(SubAccountRepository.class),
                context.getBean(AccessKeyRepository.class), context.getBean(MfaDeviceRepository.class),
                context.getBean(UsedTimeStepGuard.class), context.getBean(MfaFailureCounter.class),
                context.getBean(TemporaryCredentialRepository.class), context.getBean(AuditLog.class), context.getBean(RequestNonceRegistry.class),
                context.getBean(ConsoleSessionRepository.class), new SecureRandomSource(), context.getBean(TransactionRunner.class), clock);
    }

    /** Every use case, each reached through its inbound port. */
    public GatekeyServices useCases() {
        return useCases;
    }

    public AuditLog auditLog() {
        return ports.auditLog();
    }

    /** The embedding program acts as the installation's operator. */
    public Principal operator() {
        return new Principal.Operator();
    }

    /**
     * Writes a backup of the database {@link #inFolder} opened to {@code file}, a new owner-only file, while this
     * program goes on using it: one consistent snapshot, sealed under the master key ({@link EmbeddedBackup}).
     * {@code gatekey db restore} restores it, with the program stopped. Every account's audit trail names the backup
     * ({@code DATABASE_BACKED_UP}). Refused ({@link EmbeddedBackup.Refused}) for another database, which is backed up
     * with its own tools.
     */
    public EmbeddedBackup.Summary backup(Path file) {
        return EmbeddedBackup.take(context, file, clock.instant(), useCases().recordDatabaseBackup(), operator());
    }

    /** The adapter's beans (tests, and the storage upkeep the CLI does). */
    ApplicationContext context() {
        return context;
    }

    /** Closes the pool it opened (not one it was given) and stops the purge job. */
    @Override
    public void close() {
        context.close();
    }
}
