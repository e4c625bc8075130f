package io.gatekey.application.service;

import io.gatekey.application.port.in.audit.ExportAuditEventsUseCase;
import io.gatekey.application.port.in.audit.ListAuditEventsUseCase;
import io.gatekey.application.port.in.audit.RecordDatabaseBackupUseCase;
import io.gatekey.application.port.in.audit.RecordDatabaseRestoreUseCase;
import io.gatekey.application.port.in.audit.VerifyAuditTrailUseCase;
import io.gatekey.application.port.out.AccountRepository;
import io.gatekey.application.port.out.AuditLog;
import io.gatekey.application.port.out.TransactionRunner;
import io.gatekey.domain.access.AccessPolicy;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.audit.AuditChainCheck;
import io.gatekey.domain.audit.AuditEvent;
import io.gatekey.domain.audit.AuditEventType;
import io.gatekey.domain.audit.LinkedAuditEvent;
import io.gatekey.domain.shared.AccessDeniedException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Reading the audit trail, checking its chains, exporting it, and marking a backup or a restore in it. */
public final class AuditTrailService implements ListAuditEventsUseCase, VerifyAuditTrailUseCase, ExportAuditEventsUseCase,
        RecordDatabaseBackupUseCase, RecordDatabaseRestoreUseCase {

    private final AuditLog log;
    private final AccountRepository accounts;
    private final TransactionRunner transactions;
    private final Auditor auditor;

    public AuditTrailService(GatekeyPorts ports) {
        this.log = ports.auditLog();
        this.accounts = ports.accounts();
        this.transactions = ports.transactions();
        this.auditor = new Auditor(ports);
    }

    @Override
    public List<AuditEvent> list(ListAuditEventsUseCase.Query query) {
        Optional<AccountId> account = query.accountId();
        if (!(query.caller() instanceof Principal.Operator)) {
            AccountId own = query.caller().account().orElseThrow();
            AccessPolicy.requireAccountManagement(query.caller(), own);
            if (account.isPresent() && !account.get().equals(own)) {
                throw new AccessDeniedException("only the account's own audit trail is visible");
            }
            account = Optional.of(own);
        }
        return log.recent(new AuditLog.Query(account, query.subAccountId(), query.subjectContains(), query.type(),
                query.since(), query.limit()));
    }

    @Override
    public AuditChainCheck.Result verify(Principal caller) {
        requireOperator(caller, "verifies the audit trail");
        // One snapshot, so that heads and events agree while others keep appending.
        return transactions.inSnapshot(() -> {
            AuditChainCheck check = AuditChainCheck.whole(log.heads());
            log.forEachInChainOrder(check::accept);
            return check.finish();
        });
    }

    @Override
    public long export(ExportAuditEventsUseCase.Query query, Consumer<LinkedAuditEvent> sink) {
        requireOperator(query.caller(), "exports the audit trail");
        long[] exported = {0};
        log.forEachBetween(query.since(), query.until().orElse(Instant.ofEpochMilli(Long.MAX_VALUE)), event -> {
            sink.accept(event);
            exported[0]++;
            return true;
        });
        return exported[0];
    }

    @Override
    public int record(RecordDatabaseBackupUseCase.Command command) {
        requireOperator(command.caller(), "records a backup");
        return inEveryAccount(AuditEventType.DATABASE_BACKED_UP, command.caller(),
                "backed up to " + command.backup() + ", a snapshot taken at " + command.takenAt() + " (" + command.rows() + " rows)");
    }

    @Override
    public int record(RecordDatabaseRestoreUseCase.Command command) {
        requireOperator(command.caller(), "records a restore");
        return inEveryAccount(AuditEventType.DATABASE_RESTORED, command.caller(), "restored from " + command.backup() + ", a backup taken at "
                + command.backupTakenAt() + command.replacedKeptAs().map(kept -> "; the database it replaced is kept as " + kept).orElse(""));
    }

    /** One event about the whole database in every account's trail, in one transaction; how many accounts. */
    private int inEveryAccount(AuditEventType type, Principal caller, String detail) {
        return transactions.inTransaction(() -> {
            List<Account> all = accounts.list();
            all.forEach(account -> auditor.record(type, account.id(), caller, "database", detail));
            return all.size();
        });
    }

    private static void requireOperator(Principal caller, String what) {
        if (!(caller instanceof Principal.Operator)) {
            throw new AccessDeniedException("only the operator " + what);
        }
    }
}
