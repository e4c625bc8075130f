package io.gatekey.application.port.out;

import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.PasswordHash;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.account.SubAccountName;
import io.gatekey.domain.mfa.LockoutPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores sub accounts. */
public interface SubAccountRepository {

    /** Adds a sub account; throws {@code ConflictException(SUB_ACCOUNT_NAME_TAKEN)} atomically when its account already has that name. */
    void add(SubAccount subAccount);

    Optional<SubAccount> find(SubAccountId id);

    /** The account's sub accounts, oldest first. */
    List<SubAccount> list(AccountId accountId);

    /** Stores the sub account's profile, active flag and modification time; returns false when there is no such sub account. */
    boolean update(SubAccount subAccount);

    /** Stores the console password's hash and whether it must be changed at the next sign-in; false when there is no such sub account. */
    boolean setPassword(SubAccountId id, PasswordHash hash, boolean needPasswordReset, Instant at);

    /** The console password's hash, if one was set. */
    Optional<PasswordHash> passwordHash(SubAccountId id);

    /** The account's sub account with that login id. */
    Optional<SubAccount> findByLoginId(AccountId accountId, SubAccountName loginId);

    /**
     * Reserves one console sign-in attempt, as {@link MfaFailureCounter#reserveAttempt} does for codes: atomically
     * adds one to the user's consecutive password failures unless the user's sign-in is locked at {@code now} or the
     * count has reached the limit; then returns false, changing nothing.
     */
    boolean reserveSignInAttempt(SubAccountId id, Instant now, LockoutPolicy policy);

    /**
     * A reserved sign-in attempt failed: at the limit the sign-in locks until {@code now + lockDuration} and the
     * count starts again; returns that lock to the one call that started it. Atomic.
     */
    Optional<Instant> settleSignInFailure(SubAccountId id, Instant now, LockoutPolicy policy);

    /** A reserved sign-in attempt succeeded: the count starts again from zero. */
    void clearSignInFailures(SubAccountId id);

    /** Records a finished console sign-in as the user's last login. */
    void recordLogin(SubAccountId id, Instant at);

    /** Removes the sub account; returns false when there was none. Its keys and devices are the caller's to remove first. */
    boolean delete(SubAccountId id);
}
