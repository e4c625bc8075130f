package io.gatekey.application.port.out;

import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.PasswordHash;
import io.gatekey.domain.account.SubAccountId;
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

    /** Removes the sub account; returns false when there was none. Its keys and devices are the caller's to remove first. */
    boolean delete(SubAccountId id);
}
