package io.gatekey.application.port.in.audit;

import io.gatekey.domain.access.Principal;
import java.time.Instant;
import java.util.Objects;

/**
 * Marks in the audit trail that a backup of the database was taken: a copy of every account's users, keys and devices
 * (their secrets sealed) now lies in a file, and this says where, in every account's chain. The operator's.
 */
public interface RecordDatabaseBackupUseCase {

    /** Records one event per account; answers how many accounts. */
    int record(Command command);

    /** The backup written (where, when its snapshot was taken, and how many rows it holds). */
    record Command(Principal caller, String backup, Instant takenAt, long rows) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(backup, "backup");
            Objects.requireNonNull(takenAt, "takenAt");
        }
    }
}
