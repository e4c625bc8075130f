package io.gatekey.application.service;

import io.gatekey.application.port.out.AuditLog;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.audit.AuditEvent;
import io.gatekey.domain.audit.AuditEventType;
import java.time.Clock;

/** Writes audit events stamped with the injected clock. */
final class Auditor {

    private final AuditLog log;
    private final Clock clock;

    Auditor(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    void record(AuditEventType type, AccountId account, Principal actor, Object subject, String detail) {
        log.record(new AuditEvent(clock.instant(), type, account, actor.describe(), String.valueOf(subject), detail));
    }
}
