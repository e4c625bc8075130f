package io.gatekey.application.port.in.audit;

import io.gatekey.domain.access.Principal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Marks in the audit trail that the database was put back as a backup held it: what happened between the backup and
 * the restore is no longer in the trail, and this says so, in every account's chain. The operator's.
 */
public interface RecordDatabaseRestoreUseCase {

    /** Records one event per account; answers how many accounts. */
    int record(Command command);

    /** The backup restored (where it came from and when it was taken), and where the database it replaced is kept. */
    record Command(Principal caller, String backup, Instant backupTakenAt, Optional<String> replacedKeptAs) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(backup, "backup");
            Objects.requireNonNull(backupTakenAt, "backupTakenAt");
            Objects.requireNonNull(replacedKeptAs, "replacedKeptAs");
        }
    }
}
