package io.gatekey.application.port.out;

import io.gatekey.domain.audit.AuditOrigin;

/** Where the action being audited came from: the current request of a door, or the CLI or embedding program. */
@FunctionalInterface
public interface AuditOrigins {

    AuditOrigin current();

    /** Always the same origin: the CLI's, an embedding program's. */
    static AuditOrigins fixed(AuditOrigin origin) {
        return () -> origin;
    }
}
