package io.gatekey.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.port.in.account.CreateSubAccountUseCase;
import io.gatekey.application.port.in.account.SetLoginAliasUseCase;
import io.gatekey.application.port.in.mfa.CreateMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.DeleteMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.DisableMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.EnableMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.ListMfaDevicesUseCase;
import io.gatekey.application.port.in.mfa.ResetMfaDriftUseCase;
import io.gatekey.application.port.in.mfa.ResyncMfaDeviceUseCase;
import io.gatekey.application.testing.World;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.LoginAlias;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountName;
import io.gatekey.domain.mfa.MfaCheck;
import io.gatekey.domain.mfa.MfaDevice;
import io.gatekey.domain.mfa.MfaDeviceName;
import io.gatekey.domain.mfa.MfaDeviceStatus;
import io.gatekey.domain.mfa.MfaSerialNumber;
import io.gatekey.domain.shared.AccessDeniedException;
import io.gatekey.domain.shared.ConflictException;
import io.gatekey.domain.shared.NotFoundException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MfaDeviceLifecycleTest {

    private final World world = new World();
    private final World.Tenant acme = world.acme;

    private MfaCheck enable(World.Device device, String first, String second) {
        return world.useCases.enableMfaDevice().enable(new EnableMfaDeviceUseCase.Command(acme.userPrincipal, acme.user.id(), device.serial, first, second));
    }

    private MfaDevice stored(World.Device device) {
        return world.useCases.listMfaDevices().list(new ListMfaDevicesUseCase.Query(acme.admin, acme.accountId, Optional.empty(), Optional.empty(), 100))
                .devices().stream().filter(d -> d.serialNumber().equals(device.serial)).findFirst().orElseThrow();
    }

    @Test
    void creatingADeviceHandsOutItsSeedOnceAsBase32AndOtpauthUri() {
        var created = world.useCases.createMfaDevice().create(
                new CreateMfaDeviceUseCase.Command(acme.userPrincipal, acme.user.id(), new MfaDeviceName("phone")));
        assertEquals("iam::" + acme.accountId + ":mfa:phone", created.device().serialNumber().value());
        assertEquals(32, created.base32Seed().length());
        assertTrue(created.base32Seed().matches("[A-Z2-7]{32}"));
        assertEquals("otpauth://totp/Gatekey:alice%40" + acme.accountId + "?secret=" + created.base32Seed()
                + "&issuer=Gatekey&algorithm=SHA1&digits=6&period=30", created.otpauthUri());
        assertEquals(MfaDeviceStatus.PENDING, created.device().status());
    }

    @Test
    void theOtpauthLabelNamesTheAccountByItsLoginAliasOnceItHasOne() {
        world.useCases.setLoginAlias().setLoginAlias(new SetLoginAliasUseCase.Command(acme.admin, acme.accountId, new LoginAlias("acmecorp")));
        var created = world.useCases.createMfaDevice().create(
                new CreateMfaDeviceUseCase.Command(acme.userPrincipal, acme.user.id(), new MfaDeviceName("phone")));
        assertTrue(created.otpauthUri().startsWith("otpauth://totp/Gatekey:alice%40acmecorp?secret=" + created.base32Seed() + "&"),
                created.otpauthUri());
    }

    @Test
    void twoConsecutiveCodesEnableTheDevice() {
        World.Device device = acme.createdDevice("phone");
        assertEquals(new MfaCheck.Accepted(device.currentStep(), 0), enable(device, device.code(-1), device.code(0)));
        assertEquals(MfaDeviceStatus.ENABLED, stored(device).status());
    }

    @Test
    void nonConsecutiveCodesDoNotEnable() {
        World.Device device = acme.createdDevice("phone");
        assertEquals(new MfaCheck.Rejected(MfaCheck.Reason.NOT_CONSECUTIVE), enable(device, device.code(-2), device.code(0)));
        assertEquals(new MfaCheck.Rejected(MfaCheck.Reason.NOT_CONSECUTIVE), enable(device, device.code(0), device.code(0)));
        assertEquals(new MfaCheck.Rejected(MfaCheck.Reason.INVALID), enable(device, "000000", "111111"));
        assertEquals(MfaDeviceStatus.PENDING, stored(device).status());
    }

    @Test
    void anEnabledDeviceCannotBeEnabledAgainOrDeleted() {
        World.Device device = acme.enrolledDevice("phone");
        assertThrows(ConflictException.class, () -> enable(device, device.code(0), device.code(1)));
        ConflictException e = assertThrows(ConflictException.class, () -> world.useCases.deleteMfaDevice().delete(
                new DeleteMfaDeviceUseCase.Command(acme.admin, acme.user.id(), device.serial)));
        assertEquals(ConflictException.Conflict.MFA_DEVICE_ENABLED, e.conflict());
    }

    @Test
    void aDisabledDeviceCanBeDeleted() {
        World.Device device = acme.enrolledDevice("phone");
        Principal proven = acme.withMfa(device, 1);
        world.useCases.disableMfaDevice().disable(new DisableMfaDeviceUseCase.Command(proven, acme.user.id(), device.serial));
        assertEquals(MfaDeviceStatus.DISABLED, stored(device).status());
        assertEquals(MfaCheck.Reason.NOT_ENABLED,
                assertInstanceOf(io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase.MfaRejected.class,
                        acme.issueWithCode(device, device.code(1))).reason());
        assertThrows(ConflictException.class, () -> world.useCases.disableMfaDevice().disable(
                new DisableMfaDeviceUseCase.Command(acme.userPrincipal, acme.user.id(), device.serial)));
        world.useCases.deleteMfaDevice().delete(new DeleteMfaDeviceUseCase.Command(acme.userPrincipal, acme.user.id(), device.serial));
        assertThrows(NotFoundException.class, () -> world.useCases.deleteMfaDevice().delete(
                new DeleteMfaDeviceUseCase.Command(acme.userPrincipal, acme.user.id(), device.serial)));
    }

    @Test
    void aUserHasOneVirtualDeviceAndNamesAreUniqueInTheAccount() {
        acme.createdDevice("phone");
        ConflictException limit = assertThrows(ConflictException.class, () -> acme.createdDevice("tablet"));
        assertEquals(ConflictException.Conflict.MFA_DEVICE_LIMIT, limit.conflict());

        SubAccount bob = world.useCases.createSubAccount().create(new CreateSubAccountUseCase.Command(acme.admin, acme.accountId, new SubAccountName("bob")));
        ConflictException taken = assertThrows(ConflictException.class, () -> world.useCases.createMfaDevice().create(
                new CreateMfaDeviceUseCase.Command(acme.admin, bob.id(), new MfaDeviceName("phone"))));
        assertEquals(ConflictException.Conflict.MFA_DEVICE_NAME_TAKEN, taken.conflict());
    }

    @Test
    void nobodyManagesAnotherUsersDevices() {
        World.Device device = acme.createdDevice("phone");
        SubAccount bob = world.useCases.createSubAccount().create(new CreateSubAccountUseCase.Command(acme.admin, acme.accountId, new SubAccountName("bob")));
        var bobPrincipal = new io.gatekey.domain.access.Principal.SubAccountUser(acme.accountId, bob.id(), acme.userKey.id(), Optional.empty());
        assertThrows(AccessDeniedException.class, () -> world.useCases.createMfaDevice().create(
                new CreateMfaDeviceUseCase.Command(bobPrincipal, acme.user.id(), new MfaDeviceName("sneaky"))));
        assertThrows(AccessDeniedException.class, () -> world.useCases.enableMfaDevice().enable(
                new EnableMfaDeviceUseCase.Command(bobPrincipal, acme.user.id(), device.serial, device.code(-1), device.code(0))));
        assertThrows(NotFoundException.class, () -> world.useCases.enableMfaDevice().enable(
                new EnableMfaDeviceUseCase.Command(world.globex.admin, acme.user.id(), device.serial, device.code(-1), device.code(0))));
        assertThrows(NotFoundException.class, () -> world.useCases.createMfaDevice().create(
                new CreateMfaDeviceUseCase.Command(world.globex.admin, acme.user.id(), new MfaDeviceName("x"))));
    }

    @Test
    void resyncRecordsTheMeasuredDriftAndTheOperatorCanResetIt() {
        World.Device device = acme.enrolledDevice("phone");
        MfaCheck check = world.useCases.resyncMfaDevice().resync(
                new ResyncMfaDeviceUseCase.Command(acme.userPrincipal, acme.user.id(), device.serial, device.code(5), device.code(6)));
        assertEquals(new MfaCheck.Accepted(device.currentStep() + 6, 6), check);
        assertEquals(6, stored(device).driftSteps());

        // With the drift recorded, a code six steps ahead is the expected one.
        world.clock.advance(Duration.ofSeconds(30));
        assertInstanceOf(io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase.Issued.class,
                acme.issueWithCode(device, device.code(6)));

        world.useCases.resetMfaDrift().resetDrift(new ResetMfaDriftUseCase.Command(world.operator, device.serial));
        assertEquals(0, stored(device).driftSteps());
    }

    @Test
    void listingPagesBySerialNumber() {
        for (String name : new String[] {"carol", "dave", "erin"}) {
            SubAccount user = world.useCases.createSubAccount().create(new CreateSubAccountUseCase.Command(acme.admin, acme.accountId, new SubAccountName(name)));
            world.useCases.createMfaDevice().create(new CreateMfaDeviceUseCase.Command(acme.admin, user.id(), new MfaDeviceName(name + "-phone")));
        }
        var first = world.useCases.listMfaDevices().list(new ListMfaDevicesUseCase.Query(acme.admin, acme.accountId, Optional.empty(), Optional.empty(), 2));
        assertEquals(2, first.devices().size());
        assertEquals("carol-phone", first.devices().get(0).name().value());
        assertEquals(Optional.of(first.devices().get(1).serialNumber()), first.nextMarker());
        var second = world.useCases.listMfaDevices().list(new ListMfaDevicesUseCase.Query(acme.admin, acme.accountId, Optional.empty(), first.nextMarker(), 2));
        assertEquals(1, second.devices().size());
        assertEquals("erin-phone", second.devices().get(0).name().value());
        assertEquals(Optional.empty(), second.nextMarker());

        assertThrows(AccessDeniedException.class, () -> world.useCases.listMfaDevices().list(
                new ListMfaDevicesUseCase.Query(acme.userPrincipal, acme.accountId, Optional.empty(), Optional.empty(), 2)));
        assertEquals(0, world.useCases.listMfaDevices().list(new ListMfaDevicesUseCase.Query(
                acme.userPrincipal, acme.accountId, Optional.of(acme.user.id()), Optional.empty(), 2)).devices().size());
        assertThrows(io.gatekey.domain.shared.InvalidValueException.class, () -> new ListMfaDevicesUseCase.Query(
                acme.admin, acme.accountId, Optional.empty(), Optional.empty(), 201));
        assertThrows(NotFoundException.class, () -> world.useCases.listMfaDevices().list(
                new ListMfaDevicesUseCase.Query(world.globex.admin, acme.accountId, Optional.empty(), Optional.<MfaSerialNumber>empty(), 2)));
    }
}
