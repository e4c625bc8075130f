package io.gatekey.application.port.in.audit;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.audit.LinkedAuditEvent;
import io.gatekey.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** Streams the audit events of a time window, oldest first, with their links, for a SIEM; the operator's. */
public interface ExportAuditEventsUseCase {

    /** Hands every event of the window to {@code sink}; returns how many. */
    long export(Query query, Consumer<LinkedAuditEvent> sink);

    /** From {@code since} (inclusive) to {@code until} (exclusive; empty: up to the newest). */
    record Query(Principal caller, Instant since, Optional<Instant> until) {
        public Query {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(until, "until");
            if (until.isPresent() && !until.get().isAfter(since)) {
                throw new InvalidValueException("until", "after since");
            }
        }
    }
}
