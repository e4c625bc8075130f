package io.gatekey.application.service;

import io.gatekey.application.port.in.account.CreateAccountUseCase;
import io.gatekey.application.port.in.account.GetAccountUseCase;
import io.gatekey.application.port.in.account.GetLoginAliasUseCase;
import io.gatekey.application.port.in.account.ListAccountsUseCase;
import io.gatekey.application.port.in.account.SetLoginAliasUseCase;
import io.gatekey.application.port.out.AccountRepository;
import io.gatekey.domain.access.AccessPolicy;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.KeyOwner;
import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.LoginAlias;
import io.gatekey.domain.shared.Limits;
import io.gatekey.domain.audit.AuditEventType;
import io.gatekey.domain.shared.AccessDeniedException;
import io.gatekey.domain.shared.ConflictException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Accounts and their login alias. */
public final class AccountService implements CreateAccountUseCase, ListAccountsUseCase, SetLoginAliasUseCase, GetLoginAliasUseCase, GetAccountUseCase {

    private final GatekeyPorts ports;
    private final AccountRepository accounts;
    private final Lookups lookups;
    private final NewSecrets newSecrets;
    private final Auditor auditor;

    public AccountService(GatekeyPorts ports) {
        this.ports = ports;
        this.accounts = ports.accounts();
        this.lookups = new Lookups(ports);
        this.newSecrets = new NewSecrets(ports.random());
        this.auditor = new Auditor(ports);
    }

    @Override
    public CreatedAccount create(CreateAccountUseCase.Command command) {
        if (!(command.caller() instanceof Principal.Operator)) {
            throw new AccessDeniedException("only the operator creates accounts");
        }
        return ports.transactions().inTransaction(() -> {
            Instant now = ports.clock().instant();
            Account account = Account.create(newSecrets.accountId(), command.name(), now);
            accounts.add(account);
            AccessKey adminKey = newSecrets.accessKey(KeyOwner.admin(account.id()), now);
            ports.accessKeys().addWithinLimit(adminKey, Limits.ACCESS_KEYS_PER_OWNER);
            auditor.record(AuditEventType.ACCOUNT_CREATED, account.id(), command.caller(), account.id(), command.name().value());
            auditor.record(AuditEventType.ACCESS_KEY_CREATED, account.id(), command.caller(), adminKey.id(), "admin");
            return new CreatedAccount(account, adminKey);
        });
    }

    @Override
    public List<Account> list(Principal caller) {
        return accounts.list().stream()
                .filter(account -> caller.account().map(account.id()::equals).orElse(true))
                .toList();
    }

    @Override
    public void setLoginAlias(SetLoginAliasUseCase.Command command) {
        AccessPolicy.requireAccountManagement(command.caller(), command.accountId());
        lookups.account(command.caller(), command.accountId());
        ports.transactions().inTransaction(() -> {
            if (!accounts.setLoginAlias(command.accountId(), command.alias())) {
                throw new ConflictException(ConflictException.Conflict.LOGIN_ALIAS_TAKEN);
            }
            auditor.record(AuditEventType.LOGIN_ALIAS_SET, command.accountId(), command.caller(), command.accountId(), command.alias().value());
            return null;
        });
    }

    @Override
    public Account get(GetAccountUseCase.Query query) {
        return lookups.account(query.caller(), query.accountId());
    }

    @Override
    public Optional<LoginAlias> getLoginAlias(GetLoginAliasUseCase.Query query) {
        return lookups.account(query.caller(), query.accountId()).loginAlias();
    }
}
