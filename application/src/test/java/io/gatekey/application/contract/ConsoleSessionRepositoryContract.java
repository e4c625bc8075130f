package io.gatekey.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.console.ConsoleSession;
import io.gatekey.domain.console.ConsoleSessionToken;
import io.gatekey.domain.console.SignInStage;
import io.gatekey.domain.mfa.LockoutPolicy;
import io.gatekey.domain.mfa.MfaProvenance;
import io.gatekey.domain.mfa.MfaSerialNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@code ConsoleSessionRepository} guarantees, and the sign-in lockout every {@code SubAccountRepository} keeps. */
public abstract class ConsoleSessionRepositoryContract extends PortContract {

    private ConsoleSession session(SubAccount user, SignInStage stage, Instant createdAt) {
        return new ConsoleSession(ConsoleSessionToken.of(random(32)).key(), user.accountId(), user.id(), stage, "csrf-" + stage,
                millis(createdAt), millis(createdAt), Optional.empty());
    }

    @Test
    void aSessionIsKeptWholeAndFoundByItsKeyOnly() {
        SubAccount user = newSubAccount(newAccount(), "alice");
        MfaSerialNumber serial = newDevice(user, "phone").serialNumber();
        ConsoleSession stored = session(user, SignInStage.CODE, NOW);
        ports.consoleSessions().add(stored);
        assertEquals(Optional.of(stored), ports.consoleSessions().find(stored.key()));
        assertTrue(ports.consoleSessions().touch(stored.key(), NOW.plusSeconds(5)));
        MfaProvenance proof = new MfaProvenance(serial, 123_456L, millis(NOW.plusSeconds(6)));
        ConsoleSession proven = stored.advancedTo(ConsoleSessionToken.of(random(32)).key(), "csrf-next", SignInStage.SIGNED_IN,
                millis(NOW.plusSeconds(6)), Optional.of(proof));
        assertTrue(ports.transactions().inTransaction(() -> ports.consoleSessions().replace(stored.key(), proven)));
        ConsoleSession found = ports.consoleSessions().find(proven.key()).orElseThrow();
        assertEquals(Optional.of(proof), found.mfa());
        assertEquals(millis(NOW.plusSeconds(6)), found.lastSeenAt());
        assertEquals(stored.createdAt(), found.createdAt());
        assertEquals(proven, found);
        assertTrue(ports.consoleSessions().find(ConsoleSessionToken.of(random(32)).key()).isEmpty());
    }

    @Test
    void onlyOneOfTwoRacingReplacementsWins() throws Exception {
        SubAccount user = newSubAccount(newAccount(), "alice");
        ConsoleSession old = session(user, SignInStage.CODE, NOW);
        ports.consoleSessions().add(old);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ConsoleSession next = session(user, SignInStage.SIGNED_IN, NOW);
                outcomes.add(pool.submit(() -> ports.transactions().inTransaction(() -> ports.consoleSessions().replace(old.key(), next))));
            }
            int won = 0;
            for (Future<Boolean> outcome : outcomes) {
                won += outcome.get() ? 1 : 0;
            }
            assertEquals(1, won);
        } finally {
            pool.shutdownNow();
        }
        assertTrue(ports.consoleSessions().find(old.key()).isEmpty());
        assertFalse(ports.consoleSessions().touch(old.key(), NOW));
    }

    @Test
    void sessionsEndOneByOneOrAllOfAUser() {
        Account account = newAccount();
        SubAccount alice = newSubAccount(account, "alice");
        SubAccount bob = newSubAccount(account, "bob");
        ConsoleSession a1 = session(alice, SignInStage.SIGNED_IN, NOW);
        ConsoleSession a2 = session(alice, SignInStage.SIGNED_IN, NOW);
        ConsoleSession b1 = session(bob, SignInStage.SIGNED_IN, NOW);
        List.of(a1, a2, b1).forEach(ports.consoleSessions()::add);
        assertTrue(ports.consoleSessions().delete(a1.key()));
        assertFalse(ports.consoleSessions().delete(a1.key()));
        assertEquals(1, ports.consoleSessions().deleteAllOf(alice.id()));
        assertTrue(ports.consoleSessions().find(b1.key()).isPresent());
    }

    @Test
    void expiredSessionsArePurgedInBatches() {
        SubAccount user = newSubAccount(newAccount(), "alice");
        ConsoleSession idle = session(user, SignInStage.SIGNED_IN, NOW.minus(Duration.ofMinutes(20)));
        ConsoleSession old = session(user, SignInStage.SIGNED_IN, NOW.minus(Duration.ofHours(9)));
        ConsoleSession live = session(user, SignInStage.SIGNED_IN, NOW.minus(Duration.ofMinutes(5)));
        List.of(idle, old, live).forEach(ports.consoleSessions()::add);
        ports.consoleSessions().touch(old.key(), NOW);
        Instant idleBefore = NOW.minus(Duration.ofMinutes(15));
        Instant begunBefore = NOW.minus(Duration.ofHours(8));
        assertEquals(1, ports.consoleSessions().purgeExpired(idleBefore, begunBefore, 1));
        assertEquals(1, ports.consoleSessions().purgeExpired(idleBefore, begunBefore, 1));
        assertEquals(0, ports.consoleSessions().purgeExpired(idleBefore, begunBefore, 1));
        assertTrue(ports.consoleSessions().find(live.key()).isPresent());
    }

    @Test
    void signInAttemptsAreReservedUnderTheLockout() {
        SubAccount user = newSubAccount(newAccount(), "alice");
        LockoutPolicy policy = new LockoutPolicy(3, Duration.ofMinutes(15));
        for (int i = 0; i < 3; i++) {
            assertTrue(ports.subAccounts().reserveSignInAttempt(user.id(), NOW, policy));
        }
        assertFalse(ports.subAccounts().reserveSignInAttempt(user.id(), NOW, policy), "the limit is reached before judging");
        assertEquals(Optional.of(NOW.plus(Duration.ofMinutes(15))), ports.subAccounts().settleSignInFailure(user.id(), NOW, policy));
        assertEquals(Optional.empty(), ports.subAccounts().settleSignInFailure(user.id(), NOW, policy));
        assertFalse(ports.subAccounts().reserveSignInAttempt(user.id(), NOW.plus(Duration.ofMinutes(14)), policy), "locked");
        assertTrue(ports.subAccounts().reserveSignInAttempt(user.id(), NOW.plus(Duration.ofMinutes(15)), policy));
        ports.subAccounts().clearSignInFailures(user.id());
        for (int i = 0; i < 3; i++) {
            assertTrue(ports.subAccounts().reserveSignInAttempt(user.id(), NOW.plus(Duration.ofMinutes(15)), policy));
        }
    }

    @Test
    void aUserIsFoundByLoginIdAndKeepsItsLastLogin() {
        Account account = newAccount();
        SubAccount alice = newSubAccount(account, "alice");
        assertEquals(Optional.of(alice.id()), ports.subAccounts().findByLoginId(account.id(), alice.name()).map(SubAccount::id));
        assertTrue(ports.subAccounts().findByLoginId(newAccount().id(), alice.name()).isEmpty());
        ports.subAccounts().recordLogin(alice.id(), NOW);
        assertEquals(Optional.of(NOW), ports.subAccounts().find(alice.id()).orElseThrow().lastLoginAt());
    }
}
