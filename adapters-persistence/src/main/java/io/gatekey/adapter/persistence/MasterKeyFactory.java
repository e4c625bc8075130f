package io.gatekey.adapter.persistence;

import io.gatekey.application.port.out.SecretSealer;
import io.gatekey.domain.shared.InvalidValueException;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the secret sealer from the master key: {@code gatekey.master-key} (the {@code GATEKEY_MASTER_KEY}
 * variable), else {@code gatekey.master-key-file}, else, for the embedded H2 file database only, a key file in the
 * data folder that is created on first start.
 */
@Factory
public class MasterKeyFactory {

    private static final Logger LOG = LoggerFactory.getLogger(MasterKeyFactory.class);
    private static final Set<String> TOLD_OPEN = ConcurrentHashMap.newKeySet();

    // Built at start, so a missing key stops the start-up with its message and a new key file is announced at once.
    @Context
    @Singleton
    SecretSealer secretSealer(@Value("${gatekey.master-key:}") String inlineKeys,
                              @Value("${gatekey.master-key-file:}") String keyFile,
                              @Value("${gatekey.master-key-active-version:0}") int activeVersion,
                              @Value("${gatekey.data-dir:./data}") String dataDir,
                              @Value("${datasources.default.url:}") String databaseUrl) {
        MasterKeyRing ring = loadRing(inlineKeys, keyFile, Path.of(dataDir), databaseUrl);
        return new MasterKeySealer(ring, keyFile(inlineKeys, keyFile, Path.of(dataDir), databaseUrl), activeVersion, new SecureRandom());
    }

    /**
     * Checks the master key configuration before anything else starts (a migration, the server), so a start-up
     * without a usable key changes nothing and ends with the one message that says what to set. On the embedded
     * default this is also where a new key file is created.
     */
    public static void preflight(Environment environment) {
        KeyConfiguration configured = KeyConfiguration.of(environment);
        loadRing(configured.inlineKeys(), configured.keyFile(), configured.dataDir(), configured.databaseUrl());
    }

    /** Where the master key comes from, as the configuration says. */
    private record KeyConfiguration(String inlineKeys, String keyFile, Path dataDir, String databaseUrl) {
        static KeyConfiguration of(Environment environment) {
            return new KeyConfiguration(environment.getProperty("gatekey.master-key", String.class).orElse(""),
                    environment.getProperty("gatekey.master-key-file", String.class).orElse(""),
                    Path.of(environment.getProperty("gatekey.data-dir", String.class).orElse("./data")),
                    environment.getProperty("datasources.default.url", String.class).orElse(""));
        }
    }

    /**
     * The key file this configuration reads (the configured one, or the embedded default's), or empty when the
     * keys come from {@code GATEKEY_MASTER_KEY} or no file applies.
     */
    public static Optional<Path> keyFile(String inlineKeys, String keyFile, Path dataDir, String databaseUrl) {
        if (!inlineKeys.isBlank()) {
            return Optional.empty();
        }
        if (!keyFile.isBlank()) {
            return Optional.of(Path.of(keyFile));
        }
        return databaseUrl.startsWith("jdbc:h2:") ? Optional.of(dataDir.resolve("master.key")) : Optional.empty();
    }

    /**
     * The configured master key's sealer, where the key is there already: a restore needs the key its backup was made
     * under, and makes none.
     */
    static SecretSealer existingSealer(Environment environment) {
        KeyConfiguration configured = KeyConfiguration.of(environment);
        Optional<Path> file = keyFile(configured.inlineKeys(), configured.keyFile(), configured.dataDir(), configured.databaseUrl());
        if (file.isPresent() && !Files.exists(file.get())) {
            throw new MasterKeyMissingException("The master key file " + FileReasons.shown(file.get()) + " does not exist. A backup restores only "
                    + "under the master key it was made under: put that key file in place (or give the key in GATEKEY_MASTER_KEY) first.");
        }
        int activeVersion = environment.getProperty("gatekey.master-key-active-version", Integer.class).orElse(0);
        return new MasterKeySealer(loadRing(configured.inlineKeys(), configured.keyFile(), configured.dataDir(), configured.databaseUrl()), file,
                activeVersion, new SecureRandom());
    }

    static MasterKeyRing loadRing(String inlineKeys, String keyFile, Path dataDir, String databaseUrl) {
        if (!inlineKeys.isBlank()) {
            try {
                return MasterKeyRing.parse(inlineKeys);
            } catch (InvalidValueException e) {
                throw new MasterKeyUnusableException("GATEKEY_MASTER_KEY (gatekey.master-key) holds no usable key (" + e.field() + ": " + e.rule()
                        + "). It holds version:base64 entries, comma-separated, each the Base64 of 32 random bytes (for example: openssl rand -base64 32).");
            }
        }
        if (!keyFile.isBlank()) {
            return readChecked(Path.of(keyFile));
        }
        Path defaultFile = keyFile(inlineKeys, keyFile, dataDir, databaseUrl).orElseThrow(MasterKeyMissingException::new);
        if (Files.exists(defaultFile)) {
            return readChecked(defaultFile);
        }
        if (databaseUrl.startsWith("jdbc:h2:file:") && Files.exists(EmbeddedDatabaseGuard.databaseFile(databaseUrl))) {
            // The key file is made before the database is first opened, so this database's secrets were sealed under a key
            // that is gone: a new one would not open them, and what it sealed would not open once the old one is back.
            throw new MasterKeyMissingException("The embedded database " + FileReasons.shown(EmbeddedDatabaseGuard.databaseFile(databaseUrl))
                    + " exists, but the master key file " + FileReasons.shown(defaultFile) + " that seals its secrets does not. "
                    + "Restore the key file from its backup; to start afresh instead, move the database files away as well.");
        }
        EmbeddedDatabaseGuard.ownerOnlyDirectory(defaultFile.toAbsolutePath().getParent());
        Optional<MasterKeyRing> created = MasterKeyFile.createIfAbsent(defaultFile);
        if (created.isEmpty()) {
            // A process starting at the same moment (the server and a command) made it first.
            return readChecked(defaultFile);
        }
        LOG.warn("Created the master key file {} (readable by its owner only). It seals every stored seed and secret key: "
                + "back it up, and keep it apart from the database.", FileReasons.shown(defaultFile));
        return created.get();
    }

    static MasterKeyRing readChecked(Path file) {
        MasterKeyRing ring = MasterKeyFile.read(file);
        // Once per file in a process: a start reads the file at its preflight and again for the sealer.
        if (!ownerOnly(file) && TOLD_OPEN.add(FileReasons.shown(file))) {
            LOG.warn("The master key file {} is open to other users; restrict it to its owner (chmod 600).", FileReasons.shown(file));
        }
        return ring;
    }

    private static boolean ownerOnly(Path file) {
        try {
            return OwnerOnlyFiles.isOwnerOnly(file);
        } catch (IOException e) {
            throw new MasterKeyUnusableException("Cannot read the master key file " + FileReasons.shown(file) + ": " + FileReasons.reason(e) + ".");
        }
    }
}
