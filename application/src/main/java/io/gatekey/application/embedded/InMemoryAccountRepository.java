package io.gatekey.application.embedded;

import io.gatekey.application.port.out.AccountRepository;
import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.LoginAlias;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Optional;
import java.util.OptionalLong;

/** Accounts in memory; thread-safe. */
public final class InMemoryAccountRepository implements AccountRepository {

    private final Map<AccountId, Account> accounts = new LinkedHashMap<>();
    private final Map<AccountId, long[]> places = new HashMap<>();

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
    public synchronized Optional<Account> findByLoginAlias(LoginAlias alias) {
        return accounts.values().stream().filter(account -> account.loginAlias().equals(Optional.of(alias))).findFirst();
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

    /** Per account: {held places, last number given}. */
    @Override
    public synchronized OptionalLong takeSubAccountPlace(AccountId id, int limit) {
        if (!accounts.containsKey(id)) {
            return OptionalLong.empty();
        }
        long[] held = places.computeIfAbsent(id, k -> new long[2]);
        if (held[0] >= limit) {
            return OptionalLong.empty();
        }
        held[0]++;
        return OptionalLong.of(++held[1]);
    }

    @Override
    public synchronized void releaseSubAccountPlace(AccountId id) {
        long[] held = places.get(id);
        if (held != null && held[0] > 0) {
            held[0]--;
        }
    }
}
