package io.gatekey.application.port.out;

import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.LoginAlias;
import java.util.List;
import java.util.Optional;

/** Stores accounts. */
public interface AccountRepository {

    void add(Account account);

    Optional<Account> find(AccountId id);

    /** All accounts, oldest first. */
    List<Account> list();

    /**
     * Sets the account's login alias. Atomic and installation-wide unique: returns false, changing nothing, when
     * another account holds the alias; setting the alias an account already has returns true.
     */
    boolean setLoginAlias(AccountId id, LoginAlias alias);
}
