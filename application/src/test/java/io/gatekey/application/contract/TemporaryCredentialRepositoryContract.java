package io.gatekey.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.accesskey.KeyOwner;
import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.credential.CredentialOrigin;
import io.gatekey.domain.credential.TemporaryCredential;
import io.gatekey.domain.mfa.MfaDevice;
import io.gatekey.domain.mfa.MfaProvenance;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@code TemporaryCredentialRepository} guarantees. */
public abstract class TemporaryCredentialRepositoryContract extends PortContract {

    @Test
    void storesACredentialWithItsSecretTokenAndProvenance() {
        SubAccount user = newSubAccount(newAccount(), "alice");
        MfaDevice device = newDevice(user, "phone");
        MfaProvenance provenance = new MfaProvenance(device.serialNumber(), 59_000_001L, NOW);
        TemporaryCredential credential = newCredential(user, NOW, Duration.ofHours(1), Optional.of(provenance));

        TemporaryCredential found = ports.temporaryCredentials().find(credential.accessKeyId()).orElseThrow();
        assertEquals(credential.secret().reveal(), found.secret().reveal());
        assertEquals(credential.sessionToken().reveal(), found.sessionToken().reveal());
        assertEquals(user.id(), found.subAccountId());
        assertEquals(user.accountId(), found.accountId());
        assertEquals(NOW, found.createdAt());
        assertEquals(NOW.plus(Duration.ofHours(1)), found.expiresAt());
        assertFalse(found.revoked());
        assertEquals(Optional.of(provenance), found.mfa());
    }

    @Test
    void revokesOneAllOfAUserOrAllFromADevice() {
        Account account = newAccount();
        SubAccount alice = newSubAccount(account, "alice");
        SubAccount bob = newSubAccount(account, "bob");
        MfaDevice phone = newDevice(alice, "phone");
        TemporaryCredential withMfa = newCredential(alice, NOW, Duration.ofHours(1), Optional.of(new MfaProvenance(phone.serialNumber(), 1, NOW)));
        TemporaryCredential plain = newCredential(alice, NOW, Duration.ofHours(1), Optional.empty());
        TemporaryCredential bobs = newCredential(bob, NOW, Duration.ofHours(1), Optional.empty());

        assertEquals(1, ports.temporaryCredentials().revokeAllFromDevice(phone.serialNumber()));
        assertTrue(ports.temporaryCredentials().find(withMfa.accessKeyId()).orElseThrow().revoked());
        assertFalse(ports.temporaryCredentials().find(plain.accessKeyId()).orElseThrow().revoked());

        assertEquals(1, ports.temporaryCredentials().revokeAllOf(alice.id()));
        assertEquals(0, ports.temporaryCredentials().revokeAllOf(alice.id()));
        assertFalse(ports.temporaryCredentials().find(bobs.accessKeyId()).orElseThrow().revoked());

        assertTrue(ports.temporaryCredentials().revoke(bobs.accessKeyId()));
        assertFalse(ports.temporaryCredentials().revoke(bobs.accessKeyId()));
    }

    @Test
    void storesTheOriginAndTokenBindingAndRevokesAllFromARootKey() {
        Account account = newAccount();
        SubAccount alice = newSubAccount(account, "alice");
        AccessKeyId aliceKey = newAccessKey(KeyOwner.subAccount(account.id(), alice.id()), NOW).id();
        AccessKeyId otherKey = newAccessKey(KeyOwner.subAccount(account.id(), alice.id()), NOW).id();
        TemporaryCredential parent = newCredential(alice, NOW, Duration.ofHours(1), Optional.empty(),
                Optional.of(new CredentialOrigin(aliceKey, Optional.of(aliceKey))), false);
        TemporaryCredential child = newCredential(alice, NOW, Duration.ofHours(1), Optional.empty(),
                Optional.of(new CredentialOrigin(parent.accessKeyId(), Optional.of(aliceKey))), true);
        TemporaryCredential other = newCredential(alice, NOW, Duration.ofHours(1), Optional.empty(),
                Optional.of(new CredentialOrigin(otherKey, Optional.of(otherKey))), true);
        TemporaryCredential operators = newCredential(alice, NOW, Duration.ofHours(1), Optional.empty());

        TemporaryCredential found = ports.temporaryCredentials().find(child.accessKeyId()).orElseThrow();
        assertEquals(Optional.of(new CredentialOrigin(parent.accessKeyId(), Optional.of(aliceKey))), found.origin());
        assertTrue(found.tokenBound());
        assertFalse(ports.temporaryCredentials().find(parent.accessKeyId()).orElseThrow().tokenBound());
        assertEquals(Optional.empty(), ports.temporaryCredentials().find(operators.accessKeyId()).orElseThrow().origin());

        assertEquals(2, ports.temporaryCredentials().revokeAllFromRootKey(aliceKey));
        assertTrue(ports.temporaryCredentials().find(parent.accessKeyId()).orElseThrow().revoked());
        assertTrue(ports.temporaryCredentials().find(child.accessKeyId()).orElseThrow().revoked());
        assertFalse(ports.temporaryCredentials().find(other.accessKeyId()).orElseThrow().revoked());
        assertFalse(ports.temporaryCredentials().find(operators.accessKeyId()).orElseThrow().revoked());
        assertEquals(0, ports.temporaryCredentials().revokeAllFromRootKey(aliceKey));
    }

    @Test
    void listsUnexpiredNewestFirstAndPurgesExpiredInBatches() {
        SubAccount user = newSubAccount(newAccount(), "alice");
        TemporaryCredential old1 = newCredential(user, NOW.minusSeconds(7200), Duration.ofHours(1), Optional.empty());
        TemporaryCredential old2 = newCredential(user, NOW.minusSeconds(7100), Duration.ofHours(1), Optional.empty());
        TemporaryCredential older = newCredential(user, NOW.minusSeconds(60), Duration.ofHours(1), Optional.empty());
        TemporaryCredential newer = newCredential(user, NOW, Duration.ofHours(1), Optional.empty());

        assertEquals(List.of(newer.accessKeyId(), older.accessKeyId()),
                ports.temporaryCredentials().listUnexpired(user.id(), NOW).stream().map(TemporaryCredential::accessKeyId).toList());

        assertEquals(1, ports.temporaryCredentials().purgeExpired(NOW, 1));
        assertEquals(1, ports.temporaryCredentials().purgeExpired(NOW, 1));
        assertEquals(0, ports.temporaryCredentials().purgeExpired(NOW, 1));
        assertEquals(Optional.empty(), ports.temporaryCredentials().find(old1.accessKeyId()));
        assertEquals(Optional.empty(), ports.temporaryCredentials().find(old2.accessKeyId()));
        assertTrue(ports.temporaryCredentials().find(newer.accessKeyId()).isPresent());
    }
}
