package io.gatekey.domain.audit;

import java.util.Objects;

/** An event as the trail keeps it: its id in the store, what it says, and its link in its chain. */
public record LinkedAuditEvent(long id, AuditEvent event, AuditLink link) {

    public LinkedAuditEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(link, "link");
    }
}
