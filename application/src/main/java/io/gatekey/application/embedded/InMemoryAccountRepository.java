package io.gatekey.application.embedded;

import io.gatekey.application.port.out.AccountRepository;
import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.LoginAlias;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Accounts in memory; thread-safe. */
public final class InMemoryAccountRepository implements AccountRepository {

    private final Map<AccountId, Account> accounts = new LinkedHashMap<>();

    @Override
    public synchronized void add(Account account) {
        if (accounts.putIfAbsent(account.id(), account) != null) {
            throw new IllegalStateException("account exists: " + account.id());
        }
    }

    @Override
    public synchronized Optional<Account> find(AccountId id) {
        return Optional.ofNullable(accounts.get(id));
    }

    @Override
    public synchronized List<Account> list() {
        return accounts.values().stream().sorted(Comparator.comparing(Account::createdAt)).toList();
    }

    @Override
    public synchronized boolean setLoginAlias(AccountId id, LoginAlias alias) {
        boolean takenElsewhere = accounts.values().stream()
                .anyMatch(other -> !other.id().equals(id) && other.loginAlias().equals(Optional.of(alias)));
        Account account = accounts.get(id);
        if (takenElsewhere || account == null) {
            return false;
        }
        accounts.put(id, account.withLoginAlias(alias));
        return true;
    }
}
