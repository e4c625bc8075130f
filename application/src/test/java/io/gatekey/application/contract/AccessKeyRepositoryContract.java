package io.gatekey.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.port.out.AccessKeyRepository;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.accesskey.KeyOwner;
import io.gatekey.domain.accesskey.KeyUse;
import io.gatekey.domain.accesskey.SecretKey;
import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.SubAccount;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@code AccessKeyRepository} guarantees. */
public abstract class AccessKeyRepositoryContract extends PortContract {

    @Test
    void storesKeysWithTheirSecretAndFindsThemById() {
        Account account = newAccount();
        AccessKey key = newAccessKey(KeyOwner.admin(account.id()), NOW);
        AccessKey found = ports.accessKeys().find(key.id()).orElseThrow();
        assertEquals(key.id(), found.id());
        assertEquals(key.owner(), found.owner());
        assertEquals(key.secret().reveal(), found.secret().reveal());
        assertTrue(found.active());
        assertEquals(NOW, found.createdAt());
        assertEquals(Optional.empty(), found.lastUsedAt());
        assertEquals(Optional.empty(), ports.accessKeys().find(new AccessKeyId("GKAKMISSINGMISSINGMI")));
    }

    @Test
    void findsAKeyWithTheSubAccountThatOwnsItInOneRead() {
        Account account = newAccount();
        SubAccount alice = newSubAccount(account, "alice");
        AccessKey adminKey = newAccessKey(KeyOwner.admin(account.id()), NOW);
        AccessKey aliceKey = newAccessKey(KeyOwner.subAccount(account.id(), alice.id()), NOW);

        AccessKeyRepository.OwnedKey admin = ports.accessKeys().findWithOwner(adminKey.id()).orElseThrow();
        assertEquals(adminKey.id(), admin.key().id());
        assertEquals(adminKey.secret().reveal(), admin.key().secret().reveal());
        assertEquals(Optional.empty(), admin.owner());
        assertEquals(ports.accessKeys().find(adminKey.id()), Optional.of(admin.key()), "the key as its own read gives it");

        KeyUse use = new KeyUse(NOW.plusSeconds(3), Optional.of(KeyUse.Where.scoped("sts", "eu-west-1")));
        ports.accessKeys().recordUse(aliceKey.id(), use);
        AccessKeyRepository.OwnedKey owned = ports.accessKeys().findWithOwner(aliceKey.id()).orElseThrow();
        assertEquals(aliceKey.owner(), owned.key().owner());
        assertEquals(aliceKey.secret().reveal(), owned.key().secret().reveal());
        assertEquals(Optional.of(use), owned.key().lastUse());
        assertEquals(ports.subAccounts().find(alice.id()), owned.owner(), "the owner as its own read gives it, every field");

        assertTrue(ports.subAccounts().update(alice.withActive(false, NOW.plusSeconds(5))));
        assertFalse(ports.accessKeys().findWithOwner(aliceKey.id()).orElseThrow().owner().orElseThrow().active());
        assertEquals(Optional.empty(), ports.accessKeys().findWithOwner(new AccessKeyId("GKAKMISSINGMISSINGMI")));
    }

    @Test
    void listsKeysPerOwnerOldestFirst() {
        Account account = newAccount();
        SubAccount user = newSubAccount(account, "alice");
        AccessKey admin = newAccessKey(KeyOwner.admin(account.id()), NOW);
        AccessKey older = newAccessKey(KeyOwner.subAccount(account.id(), user.id()), NOW.minusSeconds(10));
        AccessKey newer = newAccessKey(KeyOwner.subAccount(account.id(), user.id()), NOW);

        assertEquals(List.of(admin.id()), ports.accessKeys().listByOwner(KeyOwner.admin(account.id())).stream().map(AccessKey::id).toList());
        assertEquals(List.of(older.id(), newer.id()),
                ports.accessKeys().listByOwner(KeyOwner.subAccount(account.id(), user.id())).stream().map(AccessKey::id).toList());
    }

    @Test
    void switchesActiveRecordsUseAndDeletes() {
        AccessKey key = newAccessKey(KeyOwner.admin(newAccount().id()), NOW);
        assertTrue(ports.accessKeys().activateWithinLimit(key.id(), 2));
        assertTrue(ports.accessKeys().deactivate(key.id()));
        assertFalse(ports.accessKeys().find(key.id()).orElseThrow().active());
        KeyUse use = new KeyUse(NOW.plusSeconds(5), Optional.of(KeyUse.Where.service("ncp")));
        ports.accessKeys().recordUse(key.id(), use);
        assertEquals(Optional.of(use), ports.accessKeys().find(key.id()).orElseThrow().lastUse());
        // Only a later use replaces it.
        ports.accessKeys().recordUse(key.id(), new KeyUse(NOW.plusSeconds(4), Optional.of(KeyUse.Where.scoped("iam", "us-east-1"))));
        assertEquals(Optional.of(use), ports.accessKeys().find(key.id()).orElseThrow().lastUse());
        KeyUse later = new KeyUse(NOW.plusSeconds(6), Optional.empty());
        ports.accessKeys().recordUse(key.id(), later);
        assertEquals(Optional.of(later), ports.accessKeys().find(key.id()).orElseThrow().lastUse());
        assertTrue(ports.accessKeys().delete(key.id()));
        assertFalse(ports.accessKeys().delete(key.id()));
        assertFalse(ports.accessKeys().deactivate(key.id()));
    }

    @Test
    void theLimitCountsActiveKeysOnly() {
        Account account = newAccount();
        KeyOwner owner = KeyOwner.subAccount(account.id(), newSubAccount(account, "alice").id());
        AccessKey first = newAccessKey(owner, NOW);
        AccessKey second = newAccessKey(owner, NOW);
        assertTrue(ports.accessKeys().deactivate(first.id()));
        // One active, one inactive: a third key fits, and then the inactive one cannot come back.
        AccessKey third = AccessKey.create(AccessKeyId.longTerm(random(10)), owner, SecretKey.fromRandom(random(30)), NOW);
        assertTrue(ports.accessKeys().addWithinLimit(third, 2));
        assertFalse(ports.accessKeys().activateWithinLimit(first.id(), 2));
        assertFalse(ports.accessKeys().find(first.id()).orElseThrow().active());
        assertTrue(ports.accessKeys().deactivate(second.id()));
        assertTrue(ports.accessKeys().activateWithinLimit(first.id(), 2));
        assertTrue(ports.accessKeys().find(first.id()).orElseThrow().active());
        assertTrue(ports.accessKeys().activateWithinLimit(first.id(), 2), "already active");
        assertEquals(3, ports.accessKeys().listByOwner(owner).size());
    }

    @Test
    void addsKeysOnlyWithinTheOwnersLimitAndFreesThePlaceOfADeletedKey() {
        Account account = newAccount();
        SubAccount user = newSubAccount(account, "alice");
        KeyOwner owner = KeyOwner.subAccount(account.id(), user.id());
        AccessKey first = newAccessKey(owner, NOW);
        newAccessKey(owner, NOW);
        AccessKey third = AccessKey.create(AccessKeyId.longTerm(random(10)), owner, SecretKey.fromRandom(random(30)), NOW);
        assertFalse(ports.accessKeys().addWithinLimit(third, 2));
        assertEquals(Optional.empty(), ports.accessKeys().find(third.id()));
        // The limit is per owner: the admin's place is its own.
        assertTrue(ports.accessKeys().addWithinLimit(AccessKey.create(AccessKeyId.longTerm(random(10)), KeyOwner.admin(account.id()),
                SecretKey.fromRandom(random(30)), NOW), 2));
        assertTrue(ports.accessKeys().delete(first.id()));
        assertTrue(ports.accessKeys().addWithinLimit(third, 2));
        assertEquals(2, ports.accessKeys().listByOwner(owner).size());
    }

    @Test
    void theQuotaCountsEveryKeyOfItsOwnerActiveOrNot() {
        Account account = newAccount();
        KeyOwner alice = KeyOwner.subAccount(account.id(), newSubAccount(account, "alice").id());
        KeyOwner bob = KeyOwner.subAccount(account.id(), newSubAccount(account, "bob").id());
        KeyOwner admin = KeyOwner.admin(account.id());
        assertTrue(holdsFewerThan(alice, 1));
        AccessKey first = newAccessKey(alice, NOW);
        assertFalse(holdsFewerThan(alice, 1));
        assertTrue(holdsFewerThan(alice, 2));
        assertTrue(ports.accessKeys().deactivate(first.id()));
        assertFalse(holdsFewerThan(alice, 1), "an inactive key counts");
        newAccessKey(alice, NOW);
        assertFalse(holdsFewerThan(alice, 2));
        assertTrue(holdsFewerThan(bob, 1), "per owner: bob holds none");
        newAccessKey(admin, NOW);
        assertFalse(holdsFewerThan(admin, 1));
        assertTrue(holdsFewerThan(admin, 2), "the admin's keys are the account's own, apart from its users'");
        assertTrue(ports.accessKeys().delete(first.id()));
        assertTrue(holdsFewerThan(alice, 2));
    }

    private boolean holdsFewerThan(KeyOwner owner, int limit) {
        return ports.transactions().inTransaction(() -> ports.accessKeys().holdsFewerThan(owner, limit));
    }
}
