package io.gatekey.adapter.persistence;

import io.gatekey.application.port.in.audit.RecordDatabaseBackupUseCase;
import io.gatekey.application.port.in.audit.RecordDatabaseRestoreUseCase;
import io.gatekey.application.port.out.SecretSealer;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.secret.SealedSecret;
import io.gatekey.domain.secret.SecretIntegrityException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import javax.sql.DataSource;

/**
 * Backups of the embedded default's H2 database, and their restore.
 * <p>
 * A backup is one consistent snapshot (a serializable transaction), taken while the server runs: a command reaches
 * the database through H2's auto-server when the server holds the file. It is H2's own SQL script of the database,
 * gzipped, in a new owner-only file:
 * <pre>
 * -- Gatekey backup 1; schema 13; taken 2026-12-07T21:00:00Z; tables 12; rows 345
 * (H2's SCRIPT: the schema and every row)
 * -- Gatekey seal 2:(Base64)
 * </pre>
 * The seal is the SHA-256 of every byte before its line, sealed with AES-GCM under the active master key version. A
 * restore checks it before it runs a single statement of the file: a backup restores only unaltered, and only where
 * the master key that made it is held (the same key opens its sealed secrets). So a file altered in storage, or made
 * by someone without the key, runs nothing, neither rows of their choosing nor SQL that would run code.
 * <p>
 * A restore loads the backup into a new database file beside the current one, checks that the master key opens its
 * secrets, and only then puts it in the current one's place, which it keeps beside it under a dated name. Nothing may
 * hold the database meanwhile: a server or command that does makes the restore refuse and change nothing.
 */
public final class EmbeddedBackup {

    private static final int FORMAT = 1;
    private static final Pattern HEADER = Pattern.compile("-- Gatekey backup " + FORMAT + "; schema (\\d{1,9}); taken (\\S{1,40}); tables (\\d{1,9}); rows (\\d{1,18})");
    private static final String SEAL = "-- Gatekey seal ";
    private static final Pattern SEAL_LINE = Pattern.compile(Pattern.quote(SEAL) + "(\\d{1,9}):([A-Za-z0-9+/]{1,400}={0,2})");
    /** The seal's associated data: a value sealed for anything else does not open as a backup's seal. */
    private static final byte[] SEAL_PLACE = "gatekey backup".getBytes(StandardCharsets.US_ASCII);
    /** H2's error for a database file another process holds (without its auto-server). */
    private static final int DATABASE_ALREADY_OPEN = 90020;
    private static final int DATABASE_NOT_FOUND = 90146;
    private static final DateTimeFormatter KEPT_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** What a backup holds: the schema version it was taken at, when, and how many tables and rows. */
    public record Summary(int schemaVersion, Instant takenAt, int tables, long rows) {
    }

    /** A restore done: what it restored, and where the database it replaced is kept (none on a new data folder). */
    public record Restored(Summary summary, Optional<Path> replaced) {

        /** Marks this restore of {@code backup} in every account's trail of the restored database (the operator's act). */
        public void record(Path backup, RecordDatabaseRestoreUseCase trail, Principal operator) {
            trail.record(new RecordDatabaseRestoreUseCase.Command(operator, backup.toString(), summary.takenAt(), replaced.map(Path::toString)));
        }
    }

    /** A backup or restore refused, with the sentence that says why and what to do; nothing was changed. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private EmbeddedBackup() {
    }

    /**
     * Writes a backup of the database the started {@code context} uses to {@code file} ({@link #write}) and marks it in
     * every account's audit trail ({@link #recorded}).
     */
    public static Summary take(ApplicationContext context, Path file, Instant now, RecordDatabaseBackupUseCase trail, Principal operator) {
        return recorded(write(context.getEnvironment(), DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class)),
                context.getBean(SecretSealer.class), file, now), file, trail, operator);
    }

    /**
     * Writes a backup of the embedded database to {@code file}, a new file (an existing one is refused, never
     * overwritten), owner-only, synced to disk before it appears under its name.
     */
    static Summary write(Environment environment, DataSource dataSource, SecretSealer sealer, Path file, Instant now) {
        requireEmbeddedDefault(environment, "back it up with mariadb-backup or mariadb-dump");
        Summary[] taken = new Summary[1];
        try {
            if (!OwnerOnlyFiles.createOnce(file, out -> taken[0] = write(dataSource, sealer, out, now))) {
                throw new Refused(FileReasons.shown(file) + " exists already: name a new file.");
            }
        } catch (FileAlreadyExistsException e) {
            throw new Refused(FileReasons.shown(file) + " exists already: name a new file.");
        } catch (NoSuchFileException e) {
            throw new Refused("Cannot write " + FileReasons.shown(file) + ": no such folder.");
        } catch (IOException e) {
            throw new Refused("Cannot write " + FileReasons.shown(file) + ": " + FileReasons.reason(e) + ".");
        }
        return taken[0];
    }

    /**
     * Marks the backup just written to {@code file} in every account's audit trail (the operator's act). A backup that
     * cannot be recorded is removed and the failure thrown: no backup lies anywhere that the trail does not name.
     */
    static Summary recorded(Summary summary, Path file, RecordDatabaseBackupUseCase trail, Principal operator) {
        try {
            trail.record(new RecordDatabaseBackupUseCase.Command(operator, file.toAbsolutePath().normalize().toString(), summary.takenAt(),
                    summary.rows()));
            return summary;
        } catch (RuntimeException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException notRemoved) {
                e.addSuppressed(notRemoved);
            }
            throw e;
        }
    }

    private static Summary write(DataSource dataSource, SecretSealer sealer, OutputStream target, Instant now) throws IOException {
        MessageDigest digest = sha256();
        GZIPOutputStream gzip = new GZIPOutputStream(target, 65536);
        Writer text = new BufferedWriter(new OutputStreamWriter(new DigestOutputStream(gzip, digest), StandardCharsets.UTF_8), 65536);
        Summary summary;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            // One snapshot for the counts and the script: what commits meanwhile is in neither. (H2's repeatable read
            // lets rows inserted meanwhile appear in a table read later: a new chain's first event without its head.)
            connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            try (Statement statement = connection.createStatement()) {
                List<String> tables = tables(connection);
                long rows = 0;
                for (String table : tables) {
                    rows += count(statement, table);
                }
                summary = new Summary(schemaVersion(statement), now.truncatedTo(ChronoUnit.MILLIS), tables.size(), rows);
                text.write(header(summary) + "\n");
                try (ResultSet script = statement.executeQuery("SCRIPT")) {
                    while (script.next()) {
                        text.write(script.getString(1));
                        text.write('\n');
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database for the backup: " + e.getMessage(), e);
        }
        text.flush();
        SealedSecret seal = sealer.seal(digest.digest(), SEAL_PLACE);
        gzip.write((SEAL + seal.keyVersion() + ":" + Base64.getEncoder().encodeToString(seal.sealed()) + "\n").getBytes(StandardCharsets.US_ASCII));
        gzip.finish();
        return summary;
    }

    /**
     * Restores {@code file} into the embedded default's database, as {@link EmbeddedBackup} describes. The master key
     * must be there already, as the configuration names it: a restore makes none.
     */
    public static Restored restore(Environment environment, Path file, Instant now) {
        return restore(environment, file, now, FileMove.FILES);
    }

    /** How a restore moves a database file to another name: {@link #FILES}, or in a test one that fails. */
    @FunctionalInterface
    interface FileMove {
        FileMove FILES = Files::move;

        void move(Path from, Path to) throws IOException;
    }

    /** The same, moving the files with {@code move}. */
    static Restored restore(Environment environment, Path file, Instant now, FileMove move) {
        requireEmbeddedDefault(environment, "restore it with the tools its backup was made with");
        String url = environment.getProperty("datasources.default.url", String.class).orElseThrow();
        String user = environment.getProperty("datasources.default.username", String.class).filter(name -> !name.isBlank()).orElse("sa");
        Path dataDir = Path.of(environment.getProperty("gatekey.data-dir", String.class).orElse(EmbeddedDatabaseGuard.DEFAULT_DATA_DIR));
        SecretSealer sealer = MasterKeyFactory.existingSealer(environment);
        EmbeddedDatabaseGuard.ownerOnlyDirectory(dataDir);
        String password = EmbeddedDatabaseGuard.password(dataDir.resolve(EmbeddedDatabaseGuard.PASSWORD_FILE));
        Path current = EmbeddedDatabaseGuard.databaseFile(url);
        Path draft = current.resolveSibling(".gatekey-restore-" + HexFormat.of().formatHex(random()));
        Path script = Path.of(draft + ".sql");
        Path draftFile = Path.of(draft + ".mv.db");
        String draftUrl = "jdbc:h2:file:" + draft + options(url);
        // Held alone from now until the new file is in its place: a server or command starting meanwhile is refused
        // (as this one is while anything else holds it) rather than open the file about to be replaced.
        Optional<Connection> held = holdAlone(url, user, password);
        boolean placed = false;
        try {
            Summary summary = verifiedCopy(file, sealer, script);
            try (Connection connection = DriverManager.getConnection(draftUrl, user, password); Statement statement = connection.createStatement()) {
                statement.execute("RUNSCRIPT FROM '" + script.toAbsolutePath().toString().replace("'", "''") + "' CHARSET 'UTF-8'");
                if (!new MasterKeyCanary(null, new Sealing(sealer, Optional.empty())).opens(connection)) {
                    throw new Refused("The secrets stored in " + FileReasons.shown(file) + " do not open with this installation's master key.");
                }
                // Compacted as it closes: loading row by row leaves the file several times the size of what it holds.
                statement.execute("SHUTDOWN COMPACT");
            } catch (SQLException e) {
                throw new Refused("Cannot load " + FileReasons.shown(file) + ": " + e.getMessage());
            }
            Optional<Path> kept = Optional.empty();
            if (Files.exists(current)) {
                String name = current.getFileName().toString();
                Path keptFile = current.resolveSibling(name.substring(0, name.length() - ".mv.db".length()) + "-before-restore-" + KEPT_STAMP.format(now) + ".mv.db");
                move.move(current, keptFile);
                kept = Optional.of(keptFile);
            }
            try {
                move.move(draftFile, current);
            } catch (IOException e) {
                // The current database goes back to its name: a start must not find none there and make an empty one.
                if (kept.isPresent()) {
                    move.move(kept.get(), current);
                }
                throw e;
            }
            placed = true;
            EmbeddedDatabaseGuard.tightenFiles(current.toAbsolutePath().getParent());
            return new Restored(summary, kept);
        } catch (IOException e) {
            throw new Refused("Cannot restore " + FileReasons.shown(file) + ": " + FileReasons.reason(e) + ".");
        } finally {
            // Closes the replaced file under its new name, and lets others open the database again.
            held.ifPresent(EmbeddedBackup::shutDown);
            deleteQuietly(script);
            if (!placed) {
                deleteQuietly(draftFile);
            }
            deleteQuietly(Path.of(draft + ".trace.db"));
        }
    }

    /**
     * Copies the backup's script (without its seal) to {@code script}, an owner-only file in the data folder, checking
     * on the way that it is a backup, of a schema this version knows, sealed under a key this installation holds and
     * unaltered since. Only that copy is ever run, so the file cannot change between its check and its run.
     */
    private static Summary verifiedCopy(Path file, SecretSealer sealer, Path script) throws IOException {
        MessageDigest digest = sha256();
        Summary summary;
        byte[] sealLine;
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(file), 65536), 65536)) {
            byte[] first = readLine(in);
            Matcher header = first == null ? null : HEADER.matcher(new String(first, StandardCharsets.UTF_8).stripTrailing());
            if (header == null || !header.matches()) {
                throw notABackup(file);
            }
            summary = summary(header, file);
            if (summary.schemaVersion() > SchemaMigrations.LATEST_VERSION) {
                throw new Refused(FileReasons.shown(file) + " was made by a newer Gatekey (schema version " + summary.schemaVersion()
                        + "; this one knows up to " + SchemaMigrations.LATEST_VERSION + "): restore it with that version.");
            }
            // Each line is written out once the next one is read: the last one, the seal, stays out of the copy.
            try (OutputStream copy = new DigestOutputStream(Files.newOutputStream(Files.createFile(script, OwnerOnlyFiles.ownerOnly(script.getParent()))), digest)) {
                byte[] held = first;
                for (byte[] line = readLine(in); line != null; line = readLine(in)) {
                    copy.write(held);
                    held = line;
                }
                sealLine = held;
            }
        } catch (ZipException e) {
            throw notABackup(file);
        } catch (NoSuchFileException e) {
            throw new Refused("Cannot read " + FileReasons.shown(file) + ": no such file.");
        }
        Matcher seal = SEAL_LINE.matcher(new String(sealLine, StandardCharsets.US_ASCII).stripTrailing());
        if (!seal.matches() || !endsWithNewline(sealLine)) {
            throw new Refused(FileReasons.shown(file) + " is cut short or altered: it ends without its seal.");
        }
        byte[] sealed;
        try {
            sealed = sealer.open(new SealedSecret(Integer.parseInt(seal.group(1)), Base64.getDecoder().decode(seal.group(2))), SEAL_PLACE);
        } catch (SecretIntegrityException | IllegalArgumentException e) {
            throw new Refused(FileReasons.shown(file) + " does not open with this installation's master key: a backup restores only where "
                    + "the master key that made it is held (put its key file in place, or give it in GATEKEY_MASTER_KEY), and only unaltered.");
        }
        if (!MessageDigest.isEqual(sealed, digest.digest())) {
            throw new Refused(FileReasons.shown(file) + " was altered after it was made: its content does not match its seal.");
        }
        return summary;
    }

    private static Summary summary(Matcher header, Path file) {
        try {
            return new Summary(Integer.parseInt(header.group(1)), Instant.parse(header.group(2)), Integer.parseInt(header.group(3)),
                    Long.parseLong(header.group(4)));
        } catch (DateTimeParseException e) {
            throw notABackup(file);
        }
    }

    private static String header(Summary summary) {
        return "-- Gatekey backup " + FORMAT + "; schema " + summary.schemaVersion() + "; taken " + summary.takenAt() + "; tables "
                + summary.tables() + "; rows " + summary.rows();
    }

    private static Refused notABackup(Path file) {
        return new Refused(FileReasons.shown(file) + " is not a Gatekey backup (one 'gatekey db backup' wrote).");
    }

    /** One line with its '\n' (the last may lack it), or null at the end: bytes as they are, whatever they hold. */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    private static boolean endsWithNewline(byte[] line) {
        return line.length > 0 && line[line.length - 1] == '\n';
    }

    /** Backups and restores are the embedded default's: a MariaDB is backed up with its own tools. */
    private static void requireEmbeddedDefault(Environment environment, String otherwise) {
        String url = environment.getProperty("datasources.default.url", String.class).orElse("");
        String password = environment.getProperty("datasources.default.password", String.class).orElse("");
        Path dataDir = Path.of(environment.getProperty("gatekey.data-dir", String.class).orElse(EmbeddedDatabaseGuard.DEFAULT_DATA_DIR));
        if (!EmbeddedDatabaseGuard.isEmbeddedDefault(url, password, dataDir)) {
            throw new Refused("The database is " + (url.isBlank() ? "the embedding program's own" : url.split("[;?]", 2)[0]) + ", not the embedded default: "
                    + otherwise + ", and keep the master key apart from it.");
        }
    }

    /**
     * The database opened by this process alone (no auto-server), which H2's file lock keeps others from opening until
     * it is shut down; empty where there is no database yet. Refused while a server or command holds it: it would go on
     * writing to the file the restore replaces.
     */
    private static Optional<Connection> holdAlone(String url, String user, String password) {
        Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:h2:file:" + EmbeddedDatabaseGuard.databasePath(url) + options(url) + ";IFEXISTS=TRUE;TRACE_LEVEL_FILE=0", user, password);
        } catch (SQLException e) {
            if (e.getErrorCode() == DATABASE_NOT_FOUND) {
                return Optional.empty();
            }
            if (e.getErrorCode() == DATABASE_ALREADY_OPEN) {
                throw inUse(url);
            }
            throw new Refused("Cannot open the database " + FileReasons.shown(EmbeddedDatabaseGuard.databaseFile(url)) + ": " + e.getMessage());
        }
        // Open in this JVM already (an embedding program's own PersistentGatekey): H2 joins that database rather than
        // refuse, so its sessions tell. It is left open, as it is.
        try (Statement statement = connection.createStatement(); ResultSet sessions = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
            sessions.next();
            if (sessions.getInt(1) > 1) {
                connection.close();
                throw inUse(url);
            }
        } catch (SQLException e) {
            shutDown(connection);
            throw new Refused("Cannot open the database " + FileReasons.shown(EmbeddedDatabaseGuard.databaseFile(url)) + ": " + e.getMessage());
        }
        return Optional.of(connection);
    }

    private static Refused inUse(String url) {
        return new Refused("The database " + FileReasons.shown(EmbeddedDatabaseGuard.databaseFile(url)) + " is in use: stop the server "
                + "(and any command or program using it), then restore.");
    }

    private static void shutDown(Connection connection) {
        try (connection; Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            // Closed already: the database closes with its last connection.
        }
    }

    /** The URL's settings but H2's auto-server: a restore opens the files itself, alone. */
    private static String options(String url) {
        StringBuilder options = new StringBuilder();
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isBlank() && !parts[i].strip().toUpperCase(java.util.Locale.ROOT).startsWith("AUTO_SERVER")) {
                options.append(';').append(parts[i]);
            }
        }
        return options.toString();
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet found = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (found.next()) {
                tables.add(found.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    private static long count(Statement statement, String table) throws SQLException {
        try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM \"" + table.replace("\"", "\"\"") + "\"")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** The highest migration applied (0 before the first). */
    private static int schemaVersion(Statement statement) throws SQLException {
        int highest = 0;
        try (ResultSet versions = statement.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\"")) {
            while (versions.next()) {
                String version = versions.getString(1);
                if (version != null && version.matches("\\d{1,9}")) {
                    highest = Math.max(highest, Integer.parseInt(version));
                }
            }
        } catch (SQLException e) {
            return 0;
        }
        return highest;
    }

    private static byte[] random() {
        byte[] bytes = new byte[8];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left behind; a later restore names its own drafts.
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
