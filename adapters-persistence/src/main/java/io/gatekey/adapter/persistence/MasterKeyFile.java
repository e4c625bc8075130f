package io.gatekey.adapter.persistence;

import io.gatekey.domain.shared.InvalidValueException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A master key file: {@code version:base64} lines, readable and writable by its owner only. */
public final class MasterKeyFile {


    private MasterKeyFile() {
    }

    /** The file's keys; a file that cannot be read, or holds no valid key, is a {@link MasterKeyUnusableException} naming it. */
    public static MasterKeyRing read(Path file) {
        OwnerOnlyFiles.removeStaleDrafts(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new MasterKeyUnusableException("Cannot read the master key file " + FileReasons.shown(file) + ": " + FileReasons.reason(e) + ".");
        }
        return parse(file, text);
    }

    private static MasterKeyRing parse(Path file, String text) {
        try {
            return MasterKeyRing.parse(text);
        } catch (InvalidValueException e) {
            throw new MasterKeyUnusableException("The master key file " + FileReasons.shown(file) + " holds no usable key (" + e.field() + ": " + e.rule()
                    + "); restore it from its backup. Each line is version:base64, the Base64 of 32 random bytes.");
        }
    }

    /** Creates the file, and its folder if need be, with one fresh key of version 1; fails if it exists. */
    public static MasterKeyRing create(Path file) {
        return createIfAbsent(file).orElseThrow(() -> new MasterKeyUnusableException(
                "Cannot create the master key file " + FileReasons.shown(file) + ": it exists already."));
    }

    /**
     * Creates the file, and its folder if need be, with one fresh key of version 1, whole and on disk before it
     * appears; empty when another process made it first (read that one instead).
     */
    static Optional<MasterKeyRing> createIfAbsent(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!OwnerOnlyFiles.createOnce(file, entry(1))) {
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new MasterKeyUnusableException("Cannot create the master key file " + FileReasons.shown(file) + ": " + FileReasons.reason(e) + ".");
        }
        return Optional.of(read(file));
    }

    /**
     * Appends a fresh key one version above the highest, on disk before it returns; returns its version. Rotations
     * run at once (two operators, a retry) each take the next version, never the same one twice.
     */
    public static int appendNewVersion(Path file) {
        AtomicInteger version = new AtomicInteger();
        try {
            OwnerOnlyFiles.appendLine(file, current -> {
                version.set(parse(file, current).highestVersion() + 1);
                return entry(version.get());
            });
        } catch (IOException e) {
            throw new MasterKeyUnusableException("Cannot write the master key file " + FileReasons.shown(file) + ": " + FileReasons.reason(e) + ".");
        }
        return version.get();
    }

    private static String entry(int version) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return version + ":" + Base64.getEncoder().encodeToString(key) + "\n";
    }
}
