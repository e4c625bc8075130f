package io.gatekey.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatekey.application.port.out.AuditLog;
import io.gatekey.domain.account.Account;
import io.gatekey.domain.audit.AuditEvent;
import io.gatekey.domain.audit.AuditEventType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@code AuditLog} guarantees. */
public abstract class AuditLogContract extends PortContract {

    @Test
    void returnsEventsNewestFirstFiltered() {
        Account acme = newAccount();
        Account globex = newAccount();
        AuditEvent first = new AuditEvent(NOW, AuditEventType.MFA_CHECK_FAILED, acme.id(), "user:a", "iam::x:mfa:phone", "INVALID");
        AuditEvent second = new AuditEvent(NOW.plusSeconds(1), AuditEventType.CREDENTIALS_ISSUED, acme.id(), "user:a", "GKSTX", "lifetime 3600s");
        AuditEvent third = new AuditEvent(NOW.plusSeconds(2), AuditEventType.MFA_CHECK_FAILED, globex.id(), "user:b", "iam::y:mfa:tab", "REPLAYED");
        ports.auditLog().record(first);
        ports.auditLog().record(second);
        ports.auditLog().record(third);

        assertEquals(List.of(third, second, first), ports.auditLog().recent(AuditLog.Query.latest(10)));
        assertEquals(List.of(third, second), ports.auditLog().recent(AuditLog.Query.latest(2)));
        assertEquals(List.of(second, first), ports.auditLog().recent(new AuditLog.Query(Optional.of(acme.id()), Optional.empty(), Optional.empty(), Optional.empty(), 10)));
        assertEquals(List.of(third, first), ports.auditLog().recent(new AuditLog.Query(Optional.empty(), Optional.empty(), Optional.of(AuditEventType.MFA_CHECK_FAILED), Optional.empty(), 10)));
        assertEquals(List.of(first), ports.auditLog().recent(new AuditLog.Query(Optional.empty(), Optional.of("x:mfa"), Optional.empty(), Optional.empty(), 10)));
        assertEquals(List.of(third, second), ports.auditLog().recent(new AuditLog.Query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(NOW.plusSeconds(1)), 10)));
    }
}
