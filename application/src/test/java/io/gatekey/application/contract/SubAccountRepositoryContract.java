package io.gatekey.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.shared.ConflictException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@code SubAccountRepository} guarantees. */
public abstract class SubAccountRepositoryContract extends PortContract {

    @Test
    void storesFindsAndListsSubAccountsPerAccount() {
        Account acme = newAccount();
        Account globex = newAccount();
        SubAccount alice = newSubAccount(acme, "alice");
        SubAccount bob = newSubAccount(globex, "bob");

        assertEquals(Optional.of(alice), ports.subAccounts().find(alice.id()));
        assertEquals(List.of(alice), ports.subAccounts().list(acme.id()));
        assertEquals(List.of(bob), ports.subAccounts().list(globex.id()));
        assertEquals(Optional.empty(), ports.subAccounts().find(new SubAccountId("missing")));
    }

    @Test
    void aNameIsTakenOncePerAccount() {
        Account acme = newAccount();
        Account globex = newAccount();
        newSubAccount(acme, "alice");
        ConflictException e = assertThrows(ConflictException.class, () -> newSubAccount(acme, "alice"));
        assertEquals(ConflictException.Conflict.SUB_ACCOUNT_NAME_TAKEN, e.conflict());
        newSubAccount(globex, "alice");
        assertEquals(1, ports.subAccounts().list(acme.id()).size());
    }

    @Test
    void switchesActiveAndDeletes() {
        SubAccount alice = newSubAccount(newAccount(), "alice");
        assertTrue(ports.subAccounts().setActive(alice.id(), true));
        assertTrue(ports.subAccounts().find(alice.id()).orElseThrow().active());
        assertTrue(ports.subAccounts().setActive(alice.id(), false));
        assertFalse(ports.subAccounts().find(alice.id()).orElseThrow().active());
        assertTrue(ports.subAccounts().setActive(alice.id(), true));
        assertTrue(ports.subAccounts().find(alice.id()).orElseThrow().active());
        assertTrue(ports.subAccounts().delete(alice.id()));
        assertFalse(ports.subAccounts().delete(alice.id()));
        assertFalse(ports.subAccounts().setActive(alice.id(), true));
    }
}
