package io.gatekey.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.port.in.credential.DescribeCallerCredentialUseCase;
import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.application.port.in.credential.ListTemporaryCredentialsUseCase;
import io.gatekey.application.port.in.credential.RevokeTemporaryCredentialsUseCase;
import io.gatekey.application.testing.World;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.audit.AuditEventType;
import io.gatekey.domain.credential.TemporaryCredential;
import io.gatekey.domain.shared.AccessDeniedException;
import io.gatekey.domain.shared.NotFoundException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RevokeAndDescribeCredentialsTest {

    private final World world = new World();
    private final World.Tenant acme = world.acme;

    private TemporaryCredential issue(World.Device device, int offset) {
        var result = device == null
                ? acme.issueAs(acme.userPrincipal, Optional.empty(), null)
                : acme.issueWithCode(device, device.code(offset));
        return assertInstanceOf(IssueTemporaryCredentialsUseCase.Issued.class, result).credential();
    }

    private int revoke(Principal caller, RevokeTemporaryCredentialsUseCase.Scope scope) {
        return world.useCases.revokeTemporaryCredentials().revoke(new RevokeTemporaryCredentialsUseCase.Command(caller, scope));
    }

    private static Principal signedWith(TemporaryCredential credential) {
        return new Principal.SubAccountUser(credential.accountId(), credential.subAccountId(), credential.accessKeyId(), credential.mfa());
    }

    @Test
    void describingATemporaryKeyShowsItUntilItIsRevoked() {
        TemporaryCredential credential = issue(null, 0);
        var described = world.useCases.describeCallerCredential().describe(signedWith(credential));
        assertEquals(credential.accessKeyId(), assertInstanceOf(DescribeCallerCredentialUseCase.Temporary.class, described).credential().accessKeyId());

        assertEquals(1, revoke(acme.userPrincipal, new RevokeTemporaryCredentialsUseCase.One(credential.accessKeyId())));
        assertThrows(NotFoundException.class, () -> world.useCases.describeCallerCredential().describe(signedWith(credential)));
        assertEquals(0, revoke(acme.userPrincipal, new RevokeTemporaryCredentialsUseCase.One(credential.accessKeyId())));
    }

    @Test
    void describingAnExpiredTemporaryKeyFindsNothing() {
        TemporaryCredential credential = issue(null, 0);
        world.clock.advance(Duration.ofHours(1));
        assertThrows(NotFoundException.class, () -> world.useCases.describeCallerCredential().describe(signedWith(credential)));
    }

    @Test
    void describingALongTermKeyShowsTheKey() {
        var described = world.useCases.describeCallerCredential().describe(acme.userPrincipal);
        assertEquals(acme.userKey.id(), assertInstanceOf(DescribeCallerCredentialUseCase.LongTerm.class, described).key().id());
    }

    @Test
    void revokingAllOfAUserRevokesEachOnce() {
        issue(null, 0);
        issue(null, 0);
        assertEquals(2, revoke(acme.admin, new RevokeTemporaryCredentialsUseCase.AllOfSubAccount(acme.user.id())));
        assertEquals(0, revoke(acme.admin, new RevokeTemporaryCredentialsUseCase.AllOfSubAccount(acme.user.id())));
        var listed = world.useCases.listTemporaryCredentials().list(new ListTemporaryCredentialsUseCase.Query(acme.admin, acme.user.id()));
        assertEquals(2, listed.size());
        assertTrue(listed.stream().allMatch(TemporaryCredential::revoked));
        assertEquals("2 revoked", world.audit(AuditEventType.CREDENTIALS_REVOKED).get(1).detail());
    }

    @Test
    void revokingByDeviceRevokesOnlyWhatThatDeviceBacked() {
        World.Device device = acme.enrolledDevice("phone");
        TemporaryCredential withMfa = issue(device, 1);
        TemporaryCredential withoutMfa = issue(null, 0);

        assertEquals(1, revoke(acme.userPrincipal, new RevokeTemporaryCredentialsUseCase.AllFromDevice(device.serial)));
        var listed = world.useCases.listTemporaryCredentials().list(new ListTemporaryCredentialsUseCase.Query(acme.userPrincipal, acme.user.id()));
        assertEquals(2, listed.size());
        assertTrue(listed.stream().filter(c -> c.accessKeyId().equals(withMfa.accessKeyId())).allMatch(TemporaryCredential::revoked));
        assertTrue(listed.stream().filter(c -> c.accessKeyId().equals(withoutMfa.accessKeyId())).noneMatch(TemporaryCredential::revoked));
    }

    @Test
    void nobodyRevokesAnotherAccountsCredentials() {
        TemporaryCredential credential = issue(null, 0);
        assertThrows(NotFoundException.class, () -> revoke(world.globex.admin, new RevokeTemporaryCredentialsUseCase.One(credential.accessKeyId())));
        assertThrows(NotFoundException.class, () -> revoke(world.globex.userPrincipal, new RevokeTemporaryCredentialsUseCase.AllOfSubAccount(acme.user.id())));
        assertThrows(AccessDeniedException.class, () -> world.useCases.describeCallerCredential().describe(world.operator));
    }
}
