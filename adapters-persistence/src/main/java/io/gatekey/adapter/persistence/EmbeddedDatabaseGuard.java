package io.gatekey.adapter.persistence;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the other local users of the host out of the embedded H2 database: its folder is the owner's alone
 * (rwx------), every file in it rw-------, lock file included, and the database has a generated password kept
 * owner-only in {@code db.password} beside the master key. A database created before with the empty password gets
 * the generated one on first start. H2's auto-server, which lets the CLI in while the server holds the file,
 * listens on the configured address only ({@code gatekey.h2.bind-address}, loopback by default).
 */
@Singleton
final class EmbeddedDatabaseGuard implements BeanCreatedEventListener<DatasourceConfiguration> {

    static final String PASSWORD_FILE = "db.password";
    static final String DEFAULT_DATA_DIR = "./data";
    static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseGuard.class);
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path dataDir;
    private final String bindAddress;
    private volatile boolean guarding;
    private volatile String url;

    EmbeddedDatabaseGuard(@Value("${gatekey.data-dir:" + DEFAULT_DATA_DIR + "}") String dataDir,
                          @Value("${gatekey.h2.bind-address:" + DEFAULT_BIND_ADDRESS + "}") String bindAddress) {
        this.dataDir = Path.of(dataDir);
        this.bindAddress = bindAddress;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        if (isEmbeddedDefault(configuration.getUrl(), configuration.getPassword(), dataDir)) {
            guard(configuration);
        }
        return configuration;
    }

    /** Once the pool has opened the database (and H2 its lock file), every file in the folder is made owner-only. */
    @Singleton
    static final class OpenedFiles implements BeanCreatedEventListener<DataSource> {

        private final EmbeddedDatabaseGuard guard;

        OpenedFiles(EmbeddedDatabaseGuard guard) {
            this.guard = guard;
        }

        @Override
        public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
            if (guard.guarding) {
                EmbeddedDatabaseOpening.release(guard.url);
                tightenFiles(guard.dataDir);
            }
            return event.getBean();
        }
    }

    /** An H2 file database in the data folder, configured without a password: the embedded default. */
    static boolean isEmbeddedDefault(String url, String password, Path dataDir) {
        if (url == null || !url.startsWith("jdbc:h2:file:") || (password != null && !password.isEmpty())) {
            return false;
        }
        Path folder = databaseFile(url).toAbsolutePath().normalize().getParent();
        return folder != null && folder.equals(dataDir.toAbsolutePath().normalize());
    }

    private void guard(DatasourceConfiguration configuration) {
        bindAutoServer(bindAddress);
        ownerOnlyDirectory(dataDir);
        Path passwordFile = dataDir.resolve(PASSWORD_FILE);
        boolean databaseBeforePassword = !Files.exists(passwordFile) && Files.exists(databaseFile(configuration.getUrl()));
        String password = password(passwordFile);
        if (databaseBeforePassword) {
            setPasswordOnOldDatabase(configuration.getUrl(), configuration.getUsername(), password);
        }
        configuration.setPassword(password);
        url = configuration.getUrl();
        guarding = true;
    }

    /** H2's auto-server listens on this address, unless {@code -Dh2.bindAddress} said otherwise. */
    static void bindAutoServer(String bindAddress) {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", bindAddress);
        }
    }

    /** The H2 file a {@code jdbc:h2:file:} URL names (H2 adds {@code .mv.db}). */
    static Path databaseFile(String url) {
        return Path.of(databasePath(url) + ".mv.db");
    }

    /** The database a {@code jdbc:h2:file:} URL names, as the URL gives it (without H2's {@code .mv.db}). */
    static String databasePath(String url) {
        return url.substring("jdbc:h2:file:".length()).split(";", 2)[0];
    }

    /** The data folder, created if need be, made owner-only; a file in its place stops the start with a line saying so. */
    static void ownerOnlyDirectory(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalStateException("The data folder " + FileReasons.shown(dir) + " is a file; set gatekey.data-dir (GATEKEY_DATA_DIR) to a folder.");
        }
        try {
            if (!Files.exists(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            }
            Files.setPosixFilePermissions(dir, OWNER_DIR);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: its own access control applies.
        } catch (IOException e) {
            throw new IllegalStateException("Cannot set up the data folder " + FileReasons.shown(dir) + ": " + FileReasons.reason(e) + ".");
        }
    }

    /** Every regular file directly in the folder, owner-only; links are not followed. */
    static void tightenFiles(Path dir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    OwnerOnlyFiles.restrict(file);
                }
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system.
        } catch (IOException e) {
            LOG.warn("Could not restrict the files in {} to their owner: {}", dir, e.getMessage());
        }
    }

    static String password(Path file) {
        OwnerOnlyFiles.removeStaleDrafts(file);
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                if (OwnerOnlyFiles.createOnce(file, password + "\n")) {
                    LOG.info("Created the embedded database's password file {} (readable by its owner only)", FileReasons.shown(file));
                    return password;
                }
                // A process starting at the same moment made it first: its password is the one.
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the embedded database's password file " + FileReasons.shown(file) + ": "
                    + FileReasons.reason(e) + ".");
        }
    }

    /** A database from before the generated password opens with the empty one: give it the password now. */
    private static void setPasswordOnOldDatabase(String url, String user, String password) {
        String name = user == null || user.isEmpty() ? "sa" : user;
        try (Connection connection = DriverManager.getConnection(url, name, "");
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER USER \"" + name.toUpperCase(java.util.Locale.ROOT) + "\" SET PASSWORD '" + password + "'");
            LOG.info("The embedded database now requires the generated password");
        } catch (SQLException e) {
            throw new IllegalStateException("the embedded database opens neither with the password in " + PASSWORD_FILE
                    + " nor with the empty one", e);
        }
    }
}
