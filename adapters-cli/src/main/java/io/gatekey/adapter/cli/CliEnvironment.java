package io.gatekey.adapter.cli;

import io.gatekey.application.service.GatekeyServices;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** What the commands run against: the use cases, the storage maintenance, and the server. Opened on first use. */
public interface CliEnvironment {

    GatekeyServices useCases();

    Maintenance maintenance();

    /** Runs the HTTP server until the process is stopped. */
    void serve(String[] args);

    /**
     * The command line names a command on the installation (not help, not the version): the environment may start
     * opening it while the command line is read. Nothing it opens ahead may change what the command, or a mistyped
     * one, does or leaves behind.
     */
    default void openAhead() {
    }

    /** Storage upkeep that belongs to the installation rather than to any account. */
    interface Maintenance {

        /** Brings the schema up to date; returns how many migrations ran. */
        int migrate();

        /**
         * Adds a new master key version, makes it the active one, and re-seals every stored secret under it; tells how
         * many are still under another version (written meanwhile by a node that had not yet read the new one).
         */
        Rotation rotateMasterKey();

        record Rotation(int newVersion, int resealedRows, long remainingRows) {
        }

        /**
         * Re-seals every stored secret still sealed under another version than the active one, whatever holds the
         * master key (a key file or {@code GATEKEY_MASTER_KEY}).
         */
        Reseal reseal();

        record Reseal(int activeVersion, int resealedRows, long remainingRows) {
        }

        /**
         * Writes a backup of the embedded database to {@code file}, a new owner-only file: one consistent snapshot,
         * taken while the server runs, sealed under the master key.
         */
        Backup backup(Path file);

        /** What a backup holds: the schema version it was taken at, when, and how many tables and rows. */
        record Backup(Path file, int schemaVersion, Instant takenAt, int tables, long rows) {
        }

        /**
         * Puts the database a backup holds in the embedded database's place, once its seal and secrets open with the
         * master key; the database it replaces is kept beside it. Refused while anything holds the database.
         */
        Restore restore(Path file);

        record Restore(Backup backup, Optional<Path> replaced) {
        }
    }

    /** An upkeep the installation refused, in its own words; it changed nothing. */
    final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }
}
