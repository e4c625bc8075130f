package io.gatekey.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.account.PasswordHash;
import io.gatekey.domain.account.SubAccountProfile;
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
    void updatesTheProfileAndActiveFlagAndDeletes() {
        SubAccount alice = newSubAccount(newAccount(), "alice");
        SubAccount off = alice.withActive(false, NOW.plusSeconds(5));
        assertTrue(ports.subAccounts().update(off));
        assertEquals(Optional.of(off), ports.subAccounts().find(alice.id()));
        SubAccount renamed = off.withProfile(SubAccountProfile.named("Alice B"), NOW.plusSeconds(9));
        assertTrue(ports.subAccounts().update(renamed));
        assertEquals(Optional.of(renamed), ports.subAccounts().find(alice.id()));
        assertTrue(ports.subAccounts().delete(alice.id()));
        assertFalse(ports.subAccounts().delete(alice.id()));
        assertFalse(ports.subAccounts().update(renamed));
    }

    @Test
    void keepsThePasswordHashAndTheResetFlag() {
        SubAccount alice = newSubAccount(newAccount(), "alice");
        assertEquals(Optional.empty(), ports.subAccounts().passwordHash(alice.id()));
        PasswordHash hash = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertTrue(ports.subAccounts().setPassword(alice.id(), hash, false, NOW.plusSeconds(3)));
        assertEquals(Optional.of(hash), ports.subAccounts().passwordHash(alice.id()));
        SubAccount stored = ports.subAccounts().find(alice.id()).orElseThrow();
        assertFalse(stored.profile().needPasswordReset());
        assertEquals(NOW.plusSeconds(3), stored.modifiedAt());
        assertFalse(ports.subAccounts().setPassword(new SubAccountId("missing"), hash, false, NOW));
    }

    @Test
    void anAccountGivesNumberedPlacesUpToItsLimitAndNeverANumberTwice() {
        Account acme = newAccount();
        assertEquals(java.util.OptionalLong.of(1), ports.accounts().takeSubAccountPlace(acme.id(), 2));
        assertEquals(java.util.OptionalLong.of(2), ports.accounts().takeSubAccountPlace(acme.id(), 2));
        assertEquals(java.util.OptionalLong.empty(), ports.accounts().takeSubAccountPlace(acme.id(), 2));
        ports.accounts().releaseSubAccountPlace(acme.id());
        assertEquals(java.util.OptionalLong.of(3), ports.accounts().takeSubAccountPlace(acme.id(), 2));
        assertEquals(java.util.OptionalLong.of(1), ports.accounts().takeSubAccountPlace(newAccount().id(), 2), "numbers are per account");
        assertEquals(java.util.OptionalLong.empty(), ports.accounts().takeSubAccountPlace(new io.gatekey.domain.account.AccountId("missing"), 2));
    }
}
