package io.gatekey.application.port.out;

import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.LoginAlias;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Stores accounts. */
public interface AccountRepository {

    void add(Account account);

    Optional<Account> find(AccountId id);

    /** The account that holds the login alias. */
    Optional<Account> findByLoginAlias(LoginAlias alias);

    /** All accounts, oldest first. */
    List<Account> list();

    /**
     * Sets the account's login alias. Atomic and installation-wide unique: returns false, changing nothing, when
     * another account holds the alias; setting the alias an account already has returns true.
     */
    boolean setLoginAlias(AccountId id, LoginAlias alias);

    /**
     * Takes one of the account's places for sub accounts and returns the number the new sub account gets (one
     * more than the last one given); empty, changing nothing, when the account holds {@code limit} already or does
     * not exist. Atomic across nodes.
     */
    OptionalLong takeSubAccountPlace(AccountId id, int limit);

    /** Gives a place back when a sub account is deleted (its number is not given again). */
    void releaseSubAccountPlace(AccountId id);
}
