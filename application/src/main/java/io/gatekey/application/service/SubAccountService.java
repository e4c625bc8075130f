package io.gatekey.application.service;

import io.gatekey.application.port.in.account.ActivateSubAccountUseCase;
import io.gatekey.application.port.in.account.CreateSubAccountUseCase;
import io.gatekey.application.port.in.account.DeactivateSubAccountUseCase;
import io.gatekey.application.port.in.account.DeleteSubAccountUseCase;
import io.gatekey.application.port.in.account.FindSubAccountByNameUseCase;
import io.gatekey.application.port.in.account.GetSubAccountUseCase;
import io.gatekey.application.port.in.account.ListSubAccountsUseCase;
import io.gatekey.application.port.in.account.UpdateSubAccountUseCase;
import io.gatekey.domain.account.ConsolePassword;
import io.gatekey.domain.account.PasswordHash;
import io.gatekey.domain.account.SubAccountProfile;
import io.gatekey.application.port.in.account.SetSubAccountPasswordUseCase;
import io.gatekey.domain.shared.ConflictException;
import io.gatekey.domain.shared.Limits;
import io.gatekey.domain.shared.NotFoundException;
import io.gatekey.application.port.out.SubAccountRepository;
import io.gatekey.domain.access.AccessPolicy;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.KeyOwner;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.audit.AuditEventType;
import java.util.List;
import java.util.Optional;

/** Sub accounts (IAM users) of an account, managed by its admin. */
public final class SubAccountService implements CreateSubAccountUseCase, ActivateSubAccountUseCase, DeactivateSubAccountUseCase,
        DeleteSubAccountUseCase, GetSubAccountUseCase, FindSubAccountByNameUseCase, ListSubAccountsUseCase, UpdateSubAccountUseCase, SetSubAccountPasswordUseCase {

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
        this.auditor = new Auditor(ports);
    }

    @Override
    public SubAccount create(CreateSubAccountUseCase.Command command) {
        AccessPolicy.requireAccountManagement(command.caller(), command.accountId());
        lookups.account(command.caller(), command.accountId());
        command.name().requireNewLoginId();
        // Hashed before the transaction: Argon2id takes its time on purpose.
        Optional<PasswordHash> password = command.password().map(this::hash);
        return ports.transactions().inTransaction(() -> {
            long number = ports.accounts().takeSubAccountPlace(command.accountId(), Limits.SUB_ACCOUNTS_PER_ACCOUNT)
                    .orElseThrow(() -> new ConflictException(ConflictException.Conflict.SUB_ACCOUNT_LIMIT));
            SubAccount user = SubAccount.create(newSecrets.subAccountId(), command.accountId(), number, command.name(), command.profile(),
                    ports.clock().instant());
            subAccounts.add(user);
            password.ifPresent(hash -> subAccounts.setPassword(user.id(), hash, command.profile().needPasswordReset(), user.createdAt()));
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
        return ports.transactions().inTransaction(() -> switchActive(caller, user, active));
    }

    /** In the caller's transaction. */
    private SubAccount switchActive(Principal caller, SubAccount user, boolean active) {
        SubAccount switched = user.withActive(active, ports.clock().instant());
        subAccounts.update(switched);
        // Deactivating revokes for good: reactivating the user later (say after rotating its keys) must not
        // bring back credentials that may have leaked with them.
        int revoked = active ? 0 : ports.temporaryCredentials().revokeAllOf(user.id());
        if (!active) {
            ports.consoleSessions().deleteAllOf(user.id());
        }
        auditor.record(active ? AuditEventType.SUB_ACCOUNT_ACTIVATED : AuditEventType.SUB_ACCOUNT_DEACTIVATED,
                user.accountId(), user.id(), caller, user.id(), active ? "" : "revoked " + revoked + " temporary credentials");
        return switched;
    }

    @Override
    public SubAccount update(UpdateSubAccountUseCase.Command command) {
        SubAccount user = managed(command.caller(), command.subAccountId());
        return ports.transactions().inTransaction(() -> {
            SubAccount updated = user.withProfile(command.profile(), ports.clock().instant());
            if (!subAccounts.update(updated)) {
                throw new NotFoundException(NotFoundException.Missing.SUB_ACCOUNT, user.id().value());
            }
            auditor.record(AuditEventType.SUB_ACCOUNT_UPDATED, user.accountId(), user.id(), command.caller(), user.id(), profileText(command.profile()));
            if (command.active().isPresent() && command.active().get() != user.active()) {
                return switchActive(command.caller(), updated, command.active().get());
            }
            return updated;
        });
    }

    @Override
    public void setPassword(SetSubAccountPasswordUseCase.Command command) {
        SubAccount user = managed(command.caller(), command.subAccountId());
        PasswordHash hash = hash(command.password());
        ports.transactions().inTransaction(() -> {
            if (!subAccounts.setPassword(user.id(), hash, command.needPasswordReset(), ports.clock().instant())) {
                throw new NotFoundException(NotFoundException.Missing.SUB_ACCOUNT, user.id().value());
            }
            // A password set by the admin replaces one that may have leaked: the sessions it opened end.
            ports.consoleSessions().deleteAllOf(user.id());
            auditor.record(AuditEventType.SUB_ACCOUNT_PASSWORD_SET, user.accountId(), user.id(), command.caller(), user.id(),
                    command.needPasswordReset() ? "reset due at next sign-in" : "");
            return null;
        });
    }

    private PasswordHash hash(ConsolePassword password) {
        return PasswordHash.of(password, ports.random().bytes(16));
    }

    private static String profileText(SubAccountProfile profile) {
        return "api " + (profile.canApiGatewayAccess() ? "on" : "off") + (profile.useApiAllowSource() ? " from " + profile.apiAllowSources().size() + " sources" : "")
                + ", console " + (profile.canConsoleAccess() ? "on" : "off");
    }

    @Override
    public void delete(DeleteSubAccountUseCase.Command command) {
        SubAccount user = managed(command.caller(), command.subAccountId());
        ports.transactions().inTransaction(() -> {
            int revoked = ports.temporaryCredentials().revokeAllOf(user.id());
            ports.consoleSessions().deleteAllOf(user.id());
            ports.accessKeys().listByOwner(KeyOwner.subAccount(user.accountId(), user.id()))
                    .forEach(key -> ports.accessKeys().delete(key.id()));
            ports.mfaDevices().listBySubAccount(user.id())
                    .forEach(device -> ports.mfaDevices().delete(device.serialNumber()));
            if (subAccounts.delete(user.id())) {
                ports.accounts().releaseSubAccountPlace(user.accountId());
            }
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
    public Optional<SubAccount> find(FindSubAccountByNameUseCase.Query query) {
        AccessPolicy.requireAccountManagement(query.caller(), query.accountId());
        lookups.account(query.caller(), query.accountId());
        return subAccounts.findByLoginId(query.accountId(), query.name());
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
