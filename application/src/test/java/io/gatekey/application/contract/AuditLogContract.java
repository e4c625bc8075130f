package io.gatekey.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatekey.application.port.out.AuditLog;
import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.audit.AuditEvent;
import io.gatekey.domain.audit.AuditEventType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@code AuditLog} guarantees. */
public abstract class AuditLogContract extends PortContract {

    private static AuditLog.Query query(Optional<AccountId> account, Optional<SubAccountId> user,
                                       Optional<String> subject, Optional<AuditEventType> type, Optional<Instant> since) {
        return new AuditLog.Query(account, user, subject, type, since, 10);
    }

    @Test
    void returnsEventsNewestFirstFiltered() {
        Account acme = newAccount();
        Account globex = newAccount();
        SubAccount alice = newSubAccount(acme, "alice");
        AuditEvent first = new AuditEvent(NOW, AuditEventType.MFA_CHECK_FAILED, acme.id(), Optional.of(alice.id()), "user:a", "iam::x:mfa:phone", "INVALID");
        AuditEvent second = new AuditEvent(NOW.plusSeconds(1), AuditEventType.LOGIN_ALIAS_SET, acme.id(), Optional.empty(), "admin:a", "acme", "acme1");
        AuditEvent third = new AuditEvent(NOW.plusSeconds(2), AuditEventType.MFA_CHECK_FAILED, globex.id(), Optional.empty(), "user:b", "iam::y:mfa:tab", "REPLAYED");
        ports.auditLog().record(first);
        ports.auditLog().record(second);
        ports.auditLog().record(third);

        assertEquals(List.of(third, second, first), ports.auditLog().recent(AuditLog.Query.latest(10)));
        assertEquals(List.of(third, second), ports.auditLog().recent(AuditLog.Query.latest(2)));
        assertEquals(List.of(second, first), ports.auditLog().recent(query(Optional.of(acme.id()), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())));
        assertEquals(List.of(first), ports.auditLog().recent(query(Optional.empty(), Optional.of(alice.id()), Optional.empty(), Optional.empty(), Optional.empty())));
        assertEquals(List.of(third, first), ports.auditLog().recent(query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(AuditEventType.MFA_CHECK_FAILED), Optional.empty())));
        assertEquals(List.of(first), ports.auditLog().recent(query(Optional.empty(), Optional.empty(), Optional.of("x:mfa"), Optional.empty(), Optional.empty())));
        assertEquals(List.of(third, second), ports.auditLog().recent(query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(NOW.plusSeconds(1)))));
    }
}
