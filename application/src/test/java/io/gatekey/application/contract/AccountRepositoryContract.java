package io.gatekey.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.LoginAlias;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@code AccountRepository} guarantees. */
public abstract class AccountRepositoryContract extends PortContract {

    @Test
    void storesAndFindsAccounts() {
        Account account = newAccount();
        assertEquals(Optional.of(account), ports.accounts().find(account.id()));
        assertEquals(Optional.empty(), ports.accounts().find(new AccountId("missing")));
        assertEquals(List.of(account), ports.accounts().list());
    }

    @Test
    void aLoginAliasBelongsToOneAccount() {
        Account first = newAccount();
        Account second = newAccount();
        LoginAlias alias = new LoginAlias("acme");

        assertTrue(ports.accounts().setLoginAlias(first.id(), alias));
        assertTrue(ports.accounts().setLoginAlias(first.id(), alias));
        assertFalse(ports.accounts().setLoginAlias(second.id(), alias));
        assertEquals(Optional.of(alias), ports.accounts().find(first.id()).orElseThrow().loginAlias());
        assertEquals(Optional.empty(), ports.accounts().find(second.id()).orElseThrow().loginAlias());

        assertTrue(ports.accounts().setLoginAlias(first.id(), new LoginAlias("acme2")));
        assertTrue(ports.accounts().setLoginAlias(second.id(), alias));
    }
}
