package io.gatekey.application.embedded;

import io.gatekey.application.port.out.SubAccountRepository;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.PasswordHash;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.account.SubAccountName;
import io.gatekey.domain.mfa.LockoutPolicy;
import java.time.Instant;
import io.gatekey.domain.shared.ConflictException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sub accounts in memory; thread-safe. */
public final class InMemorySubAccountRepository implements SubAccountRepository {

    private final Map<SubAccountId, SubAccount> subAccounts = new LinkedHashMap<>();
    private final Map<SubAccountId, PasswordHash> passwords = new LinkedHashMap<>();
    private final Map<SubAccountId, Integer> signInFailures = new HashMap<>();
    private final Map<SubAccountId, Instant> signInLocks = new HashMap<>();

    @Override
    public synchronized void add(SubAccount subAccount) {
        boolean nameTaken = subAccounts.values().stream()
                .anyMatch(other -> other.accountId().equals(subAccount.accountId()) && other.name().equals(subAccount.name()));
        if (nameTaken) {
            throw new ConflictException(ConflictException.Conflict.SUB_ACCOUNT_NAME_TAKEN);
        }
        if (subAccounts.putIfAbsent(subAccount.id(), subAccount) != null) {
            throw new IllegalStateException("sub account exists: " + subAccount.id());
        }
    }

    @Override
    public synchronized Optional<SubAccount> find(SubAccountId id) {
        return Optional.ofNullable(subAccounts.get(id));
    }

    @Override
    public synchronized List<SubAccount> list(AccountId accountId) {
        return subAccounts.values().stream()
                .filter(user -> user.accountId().equals(accountId))
                .sorted(Comparator.comparing(SubAccount::createdAt))
                .toList();
    }

    @Override
    public synchronized boolean update(SubAccount subAccount) {
        return subAccounts.computeIfPresent(subAccount.id(), (key, user) -> subAccount) != null;
    }

    @Override
    public synchronized boolean setPassword(SubAccountId id, PasswordHash hash, boolean needPasswordReset, Instant at) {
        SubAccount user = subAccounts.get(id);
        if (user == null) {
            return false;
        }
        subAccounts.put(id, user.withProfile(user.profile().withNeedPasswordReset(needPasswordReset), at));
        passwords.put(id, hash);
        return true;
    }

    @Override
    public synchronized Optional<PasswordHash> passwordHash(SubAccountId id) {
        return Optional.ofNullable(passwords.get(id));
    }

    @Override
    public synchronized Optional<SubAccount> findByLoginId(AccountId accountId, SubAccountName loginId) {
        return subAccounts.values().stream().filter(user -> user.accountId().equals(accountId) && user.name().equals(loginId)).findFirst();
    }

    @Override
    public synchronized boolean reserveSignInAttempt(SubAccountId id, Instant now, LockoutPolicy policy) {
        Instant lockedUntil = signInLocks.get(id);
        int failures = signInFailures.getOrDefault(id, 0);
        if (!subAccounts.containsKey(id) || (lockedUntil != null && now.isBefore(lockedUntil)) || failures >= policy.maxFailures()) {
            return false;
        }
        signInFailures.put(id, failures + 1);
        return true;
    }

    @Override
    public synchronized Optional<Instant> settleSignInFailure(SubAccountId id, Instant now, LockoutPolicy policy) {
        if (signInFailures.getOrDefault(id, 0) < policy.maxFailures()) {
            return Optional.empty();
        }
        Instant until = now.plus(policy.lockDuration());
        signInLocks.put(id, until);
        signInFailures.put(id, 0);
        return Optional.of(until);
    }

    @Override
    public synchronized void clearSignInFailures(SubAccountId id) {
        signInFailures.remove(id);
    }

    @Override
    public synchronized void recordLogin(SubAccountId id, Instant at) {
        subAccounts.computeIfPresent(id, (key, user) -> user.withLastLogin(at));
    }

    @Override
    public synchronized boolean delete(SubAccountId id) {
        passwords.remove(id);
        signInFailures.remove(id);
        signInLocks.remove(id);
        return subAccounts.remove(id) != null;
    }
}
