package io.gatekey.application.service;

import io.gatekey.application.port.in.account.ActivateSubAccountUseCase;
import io.gatekey.application.port.in.account.CreateSubAccountUseCase;
import io.gatekey.application.port.in.account.DeactivateSubAccountUseCase;
import io.gatekey.application.port.in.account.DeleteSubAccountUseCase;
import io.gatekey.application.port.in.account.GetSubAccountUseCase;
import io.gatekey.application.port.in.account.ListSubAccountsUseCase;
import io.gatekey.application.port.out.SubAccountRepository;
import io.gatekey.domain.access.AccessPolicy;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.KeyOwner;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.audit.AuditEventType;
import java.util.List;

/** Sub accounts (IAM users) of an account, managed by its admin. */
public final class SubAccountService implements CreateSubAccountUseCase, ActivateSubAccountUseCase, DeactivateSubAccountUseCase,
        DeleteSubAccountUseCase, GetSubAccountUseCase, ListSubAccountsUseCase {

    private final GatekeyPorts ports;
    private final SubAccountRepository subAccounts;
    private final Lookups lookups;
    private final NewSecrets newSecrets;
    private final Auditor auditor;

    public SubAccountService(GatekeyPorts ports) {
        this.ports = ports;
        this.subAccounts = ports.subAccounts();
        this.lookups = new Lookups(ports);
        this.newSecrets = new NewSecrets(ports.random());
        this.auditor = new Auditor(ports.auditLog(), ports.clock());
    }

    @Override
    public SubAccount create(CreateSubAccountUseCase.Command command) {
        AccessPolicy.requireAccountManagement(command.caller(), command.accountId());
        lookups.account(command.caller(), command.accountId());
        return ports.transactions().inTransaction(() -> {
            SubAccount user = SubAccount.create(newSecrets.subAccountId(), command.accountId(), command.name(), ports.clock().instant());
            subAccounts.add(user);
            auditor.record(AuditEventType.SUB_ACCOUNT_CREATED, user.accountId(), user.id(), command.caller(), user.id(), user.name().value());
            return user;
        });
    }

    @Override
    public SubAccount activate(ActivateSubAccountUseCase.Command command) {
        return setActive(command.caller(), command.subAccountId(), true);
    }

    @Override
    public SubAccount deactivate(DeactivateSubAccountUseCase.Command command) {
        return setActive(command.caller(), command.subAccountId(), false);
    }

    private SubAccount setActive(Principal caller, SubAccountId id, boolean active) {
        SubAccount user = managed(caller, id);
        return ports.transactions().inTransaction(() -> {
            subAccounts.setActive(id, active);
            // Deactivating revokes for good: reactivating the user later (say after rotating its keys) must not
            // bring back credentials that may have leaked with them.
            int revoked = active ? 0 : ports.temporaryCredentials().revokeAllOf(id);
            auditor.record(active ? AuditEventType.SUB_ACCOUNT_ACTIVATED : AuditEventType.SUB_ACCOUNT_DEACTIVATED,
                    user.accountId(), id, caller, id, active ? "" : "revoked " + revoked + " temporary credentials");
            return user.withActive(active);
        });
    }

    @Override
    public void delete(DeleteSubAccountUseCase.Command command) {
        SubAccount user = managed(command.caller(), command.subAccountId());
        ports.transactions().inTransaction(() -> {
            int revoked = ports.temporaryCredentials().revokeAllOf(user.id());
            ports.accessKeys().listByOwner(KeyOwner.subAccount(user.accountId(), user.id()))
                    .forEach(key -> ports.accessKeys().delete(key.id()));
            ports.mfaDevices().listBySubAccount(user.id())
                    .forEach(device -> ports.mfaDevices().delete(device.serialNumber()));
            subAccounts.delete(user.id());
            auditor.record(AuditEventType.SUB_ACCOUNT_DELETED, user.accountId(), user.id(), command.caller(), user.id(),
                    "revoked " + revoked + " temporary credentials");
            return null;
        });
    }

    @Override
    public SubAccount get(GetSubAccountUseCase.Command command) {
        SubAccount user = lookups.subAccount(command.caller(), command.subAccountId());
        AccessPolicy.requireSelfOrAdmin(command.caller(), user.accountId(), user.id());
        return user;
    }

    @Override
    public List<SubAccount> list(ListSubAccountsUseCase.Query query) {
        AccessPolicy.requireAccountManagement(query.caller(), query.accountId());
        lookups.account(query.caller(), query.accountId());
        return subAccounts.list(query.accountId());
    }

    private SubAccount managed(Principal caller, SubAccountId id) {
        SubAccount user = lookups.subAccount(caller, id);
        AccessPolicy.requireAccountManagement(caller, user.accountId());
        return user;
    }
}
