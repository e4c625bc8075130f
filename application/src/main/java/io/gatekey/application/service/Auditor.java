package io.gatekey.application.service;

import io.gatekey.application.port.out.AuditLog;
import io.gatekey.application.port.out.AuditOrigins;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.audit.AuditEvent;
import io.gatekey.domain.audit.AuditEventType;
import java.time.Clock;
import java.util.Optional;

/** Writes audit events stamped with the injected clock and the origin of the request being served. */
final class Auditor {

    private final AuditLog log;
    private final Clock clock;
    private final AuditOrigins origins;

    Auditor(GatekeyPorts ports) {
        this.log = ports.auditLog();
        this.clock = ports.clock();
        this.origins = ports.origins();
    }

    /** An event about the account itself. */
    void record(AuditEventType type, AccountId account, Principal actor, Object subject, String detail) {
        record(type, account, Optional.empty(), actor, subject, detail);
    }

    /** An event about one user (its keys, devices, credentials), so the trail can be read per user. */
    void record(AuditEventType type, AccountId account, SubAccountId user, Principal actor, Object subject, String detail) {
        record(type, account, Optional.of(user), actor, subject, detail);
    }

    void record(AuditEventType type, AccountId account, Optional<SubAccountId> user, Principal actor, Object subject, String detail) {
        log.record(new AuditEvent(clock.instant(), type, account, user, actor.describe(), String.valueOf(subject), detail,
                origins.current()));
    }
}
