package io.gatekey.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.port.out.MfaFailureCounter;
import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.mfa.LockoutPolicy;
import io.gatekey.domain.mfa.MfaDevice;
import io.gatekey.domain.mfa.MfaDeviceStatus;
import io.gatekey.domain.mfa.MfaSerialNumber;
import io.gatekey.domain.shared.ConflictException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every store of MFA devices guarantees, with its step guard and failure counter. */
public abstract class MfaDeviceStoreContract extends PortContract {

    private static final long STEP = 59_000_000L;

    /** How many threads race for one step in the concurrency test. */
    protected int racers() {
        return 16;
    }

    @Test
    void storesADeviceWithItsSeedAndFindsIt() {
        SubAccount user = newSubAccount(newAccount(), "alice");
        MfaDevice device = newDevice(user, "phone");
        MfaDevice found = ports.mfaDevices().find(device.serialNumber()).orElseThrow();
        assertEquals(device.serialNumber(), found.serialNumber());
        assertEquals(user.id(), found.subAccountId());
        assertTrue(device.seed().sameAs(found.seed()));
        assertEquals(device.parameters(), found.parameters());
        assertEquals(MfaDeviceStatus.PENDING, found.status());
        assertEquals(MfaDevice.NO_STEP, found.lastAcceptedStep());
        assertEquals(Optional.empty(), found.lockedUntil());
        assertEquals(NOW, found.createdAt());
        assertEquals(List.of(device.serialNumber()), ports.mfaDevices().listBySubAccount(user.id()).stream().map(MfaDevice::serialNumber).toList());
    }

    @Test
    void aUserHoldsOneDeviceOfEachTypeAndAnEnabledOneIsNotDeletedConditionally() {
        SubAccount alice = newSubAccount(newAccount(), "alice");
        MfaDevice phone = newDevice(alice, "phone");
        ConflictException e = assertThrows(ConflictException.class, () -> newDevice(alice, "tablet"));
        assertEquals(ConflictException.Conflict.MFA_DEVICE_LIMIT, e.conflict());
        assertTrue(ports.mfaDevices().markEnabled(phone.serialNumber(), 10, 0, NOW));
        assertFalse(ports.mfaDevices().deleteUnlessEnabled(phone.serialNumber()));
        assertTrue(ports.mfaDevices().find(phone.serialNumber()).isPresent());
        assertTrue(ports.mfaDevices().markDisabled(phone.serialNumber()));
        assertTrue(ports.mfaDevices().deleteUnlessEnabled(phone.serialNumber()));
        assertFalse(ports.mfaDevices().deleteUnlessEnabled(phone.serialNumber()));
        newDevice(alice, "tablet");
    }

    @Test
    void aSerialNumberIsTakenOnce() {
        Account account = newAccount();
        newDevice(newSubAccount(account, "alice"), "phone");
        SubAccount bob = newSubAccount(account, "bob");
        ConflictException e = assertThrows(ConflictException.class, () -> newDevice(bob, "phone"));
        assertEquals(ConflictException.Conflict.MFA_DEVICE_NAME_TAKEN, e.conflict());
    }

    @Test
    void enablingAndDisablingAreConditional() {
        MfaSerialNumber serial = newDevice(newSubAccount(newAccount(), "alice"), "phone").serialNumber();
        assertFalse(ports.mfaDevices().markDisabled(serial));
        assertTrue(ports.mfaDevices().markEnabled(serial, STEP, 3, NOW));
        assertFalse(ports.mfaDevices().markEnabled(serial, STEP + 5, 0, NOW));
        MfaDevice enabled = ports.mfaDevices().find(serial).orElseThrow();
        assertEquals(MfaDeviceStatus.ENABLED, enabled.status());
        assertEquals(STEP, enabled.lastAcceptedStep());
        assertEquals(3, enabled.driftSteps());
        assertEquals(Optional.of(NOW), enabled.enabledAt());
        assertTrue(ports.mfaDevices().markDisabled(serial));
        assertEquals(MfaDeviceStatus.DISABLED, ports.mfaDevices().find(serial).orElseThrow().status());
        assertTrue(ports.mfaDevices().setDrift(serial, -2));
        assertEquals(-2, ports.mfaDevices().find(serial).orElseThrow().driftSteps());
        assertTrue(ports.mfaDevices().delete(serial));
        assertFalse(ports.mfaDevices().delete(serial));
        assertFalse(ports.mfaDevices().markEnabled(serial, STEP, 0, NOW));
    }

    @Test
    void pagesAreOrderedBySerialNumber() {
        Account account = newAccount();
        List<MfaSerialNumber> serials = new ArrayList<>();
        for (String name : List.of("dave", "alice", "carol", "bob")) {
            serials.add(newDevice(newSubAccount(account, name), name + "-phone").serialNumber());
        }
        newDevice(newSubAccount(newAccount(), "zed"), "zed-phone");
        List<String> firstPage = ports.mfaDevices().page(account.id(), Optional.empty(), Optional.empty(), 3).stream().map(d -> d.name().value()).toList();
        assertEquals(List.of("alice-phone", "bob-phone", "carol-phone"), firstPage);
        MfaSerialNumber marker = MfaSerialNumber.of(account.id(), new io.gatekey.domain.mfa.MfaDeviceName("carol-phone"));
        assertEquals(List.of("dave-phone"), ports.mfaDevices().page(account.id(), Optional.empty(), Optional.of(marker), 3).stream().map(d -> d.name().value()).toList());
        SubAccount erin = newSubAccount(account, "erin");
        assertEquals(List.of(), ports.mfaDevices().page(account.id(), Optional.of(erin.id()), Optional.empty(), 3));
    }

    @Test
    void aStepIsAcceptedOnlyWhenLaterThanTheLastOne() {
        MfaSerialNumber serial = newDevice(newSubAccount(newAccount(), "alice"), "phone").serialNumber();
        ports.mfaDevices().markEnabled(serial, STEP, 0, NOW);
        assertFalse(ports.usedTimeSteps().acceptIfLater(serial, STEP));
        assertFalse(ports.usedTimeSteps().acceptIfLater(serial, STEP - 1));
        assertTrue(ports.usedTimeSteps().acceptIfLater(serial, STEP + 1));
        assertFalse(ports.usedTimeSteps().acceptIfLater(serial, STEP + 1));
        assertEquals(STEP + 1, ports.mfaDevices().find(serial).orElseThrow().lastAcceptedStep());
    }

    @Test
    void ofManyConcurrentClaimsOfOneStepExactlyOneWins() throws Exception {
        MfaSerialNumber serial = newDevice(newSubAccount(newAccount(), "alice"), "phone").serialNumber();
        ports.mfaDevices().markEnabled(serial, STEP, 0, NOW);
        int racers = racers();
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<Boolean> claim = () -> {
                    start.await();
                    return ports.usedTimeSteps().acceptIfLater(serial, STEP + 1);
                };
                claims.add(pool.submit(claim));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> claim : claims) {
                winners += claim.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void reservedFailuresCountUpToALockAndAcceptanceOrUnlockClearsThem() {
        MfaSerialNumber serial = newDevice(newSubAccount(newAccount(), "alice"), "phone").serialNumber();
        ports.mfaDevices().markEnabled(serial, STEP, 0, NOW);
        LockoutPolicy policy = new LockoutPolicy(3, Duration.ofMinutes(15));
        MfaFailureCounter failures = ports.mfaFailures();

        assertTrue(failures.reserveAttempt(serial, NOW, policy));
        assertEquals(Optional.empty(), failures.settleFailure(serial, NOW, policy));
        assertTrue(failures.reserveAttempt(serial, NOW, policy));
        assertEquals(Optional.empty(), failures.settleFailure(serial, NOW, policy));
        assertEquals(2, ports.mfaDevices().find(serial).orElseThrow().failedAttempts());
        assertTrue(failures.reserveAttempt(serial, NOW, policy));
        assertTrue(ports.usedTimeSteps().acceptIfLater(serial, STEP + 1));
        assertEquals(0, ports.mfaDevices().find(serial).orElseThrow().failedAttempts());

        for (int i = 0; i < 3; i++) {
            assertTrue(failures.reserveAttempt(serial, NOW, policy));
        }
        assertFalse(failures.reserveAttempt(serial, NOW, policy), "a fourth attempt is not judged while three are reserved");
        assertEquals(Optional.of(NOW.plus(Duration.ofMinutes(15))), failures.settleFailure(serial, NOW, policy));
        assertEquals(Optional.empty(), failures.settleFailure(serial, NOW, policy), "the lock starts once");
        assertEquals(Optional.of(NOW.plus(Duration.ofMinutes(15))), ports.mfaDevices().find(serial).orElseThrow().lockedUntil());
        assertFalse(failures.reserveAttempt(serial, NOW.plus(Duration.ofMinutes(15)).minusMillis(1), policy));
        assertTrue(failures.reserveAttempt(serial, NOW.plus(Duration.ofMinutes(15)), policy), "the lock ends at its time");
        failures.releaseAttempt(serial);
        assertEquals(0, ports.mfaDevices().find(serial).orElseThrow().failedAttempts());
        failures.releaseAttempt(serial);
        assertEquals(0, ports.mfaDevices().find(serial).orElseThrow().failedAttempts(), "never below zero");

        assertFalse(failures.reserveAttempt(serial, NOW, policy), "still locked");
        assertTrue(failures.unlock(serial));
        assertTrue(failures.reserveAttempt(serial, NOW, policy), "unlocked");
        assertTrue(failures.unlock(serial));
        MfaDevice unlocked = ports.mfaDevices().find(serial).orElseThrow();
        assertEquals(Optional.empty(), unlocked.lockedUntil());
        assertEquals(0, unlocked.failedAttempts());
    }

    @Test
    void failuresOfAHeldDeviceCountUpToALockAndApplyOnlyToTheDeviceAsHeld() {
        MfaSerialNumber serial = newDevice(newSubAccount(newAccount(), "alice"), "phone").serialNumber();
        ports.mfaDevices().markEnabled(serial, STEP, 0, NOW);
        LockoutPolicy policy = new LockoutPolicy(3, Duration.ofMinutes(15));
        MfaFailureCounter failures = ports.mfaFailures();

        MfaDevice held = ports.transactions().inTransaction(() -> ports.mfaDevices().findForUpdate(serial)).orElseThrow();
        assertEquals(STEP, held.lastAcceptedStep());
        assertEquals(Optional.empty(), ports.transactions().inTransaction(() -> ports.mfaDevices().findForUpdate(new MfaSerialNumber(
                serial.value() + "x"))));
        assertEquals(Optional.empty(), failures.countFailure(serial, 0, NOW, policy));
        assertEquals(Optional.empty(), failures.countFailure(serial, 1, NOW, policy));
        assertEquals(2, ports.mfaDevices().find(serial).orElseThrow().failedAttempts());
        assertThrows(RuntimeException.class, () -> failures.countFailure(serial, 1, NOW, policy), "the device is no longer as held");
        assertEquals(2, ports.mfaDevices().find(serial).orElseThrow().failedAttempts());

        assertEquals(Optional.of(NOW.plus(Duration.ofMinutes(15))), failures.countFailure(serial, 2, NOW, policy), "the third failure locks");
        MfaDevice locked = ports.mfaDevices().find(serial).orElseThrow();
        assertEquals(Optional.of(NOW.plus(Duration.ofMinutes(15))), locked.lockedUntil());
        assertEquals(0, locked.failedAttempts());
        assertThrows(RuntimeException.class, () -> failures.countFailure(serial, 0, NOW, policy), "nothing is counted while locked");
        assertEquals(Optional.empty(), failures.countFailure(serial, 0, NOW.plus(Duration.ofMinutes(15)), policy), "the lock ends at its time");
        assertEquals(1, ports.mfaDevices().find(serial).orElseThrow().failedAttempts());
    }

    @Test
    void concurrentAttemptsReserveNoMoreThanTheLimit() throws Exception {
        MfaSerialNumber serial = newDevice(newSubAccount(newAccount(), "alice"), "phone").serialNumber();
        int racers = racers();
        LockoutPolicy policy = new LockoutPolicy(racers / 2, Duration.ofMinutes(15));
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> reservations = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                reservations.add(pool.submit(() -> {
                    start.await();
                    return ports.mfaFailures().reserveAttempt(serial, NOW, policy);
                }));
            }
            start.countDown();
            int reserved = 0;
            for (Future<Boolean> reservation : reservations) {
                reserved += reservation.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(racers / 2, reserved);
            List<Future<Optional<java.time.Instant>>> settled = new ArrayList<>();
            for (int i = 0; i < reserved; i++) {
                settled.add(pool.submit(() -> ports.mfaFailures().settleFailure(serial, NOW, policy)));
            }
            int locks = 0;
            for (Future<Optional<java.time.Instant>> settle : settled) {
                locks += settle.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
            }
            assertEquals(1, locks);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, ports.mfaDevices().find(serial).orElseThrow().failedAttempts());
    }
}
