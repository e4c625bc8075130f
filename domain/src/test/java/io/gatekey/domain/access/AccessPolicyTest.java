package io.gatekey.domain.access;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.mfa.MfaProvenance;
import io.gatekey.domain.mfa.MfaSerialNumber;
import io.gatekey.domain.shared.AccessDeniedException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final Duration AGE = Duration.ofMinutes(15);
    private static final AccountId ACCOUNT = new AccountId("acct1");
    private static final SubAccountId ALICE = new SubAccountId("alice1");
    private static final MfaSerialNumber PHONE = new MfaSerialNumber("iam::acct1:mfa:phone");
    private static final MfaSerialNumber OTHER = new MfaSerialNumber("iam::acct1:mfa:other");

    private static Principal alice(Optional<MfaProvenance> mfa) {
        return new Principal.SubAccountUser(ACCOUNT, ALICE, new AccessKeyId("GKSTAAAAAAAAAAAAAAAA"), mfa);
    }

    private static Optional<MfaProvenance> checkedBy(MfaSerialNumber serial, Instant at) {
        return Optional.of(new MfaProvenance(serial, 1, at));
    }

    @Test
    void aUserWithAnEnabledDeviceNeedsARecentCheckByItToChangeDevices() {
        Set<MfaSerialNumber> enabled = Set.of(PHONE);
        assertThrows(AccessDeniedException.class, () -> AccessPolicy.requireMfaProof(alice(Optional.empty()), ACCOUNT, ALICE, enabled, NOW, AGE));
        assertThrows(AccessDeniedException.class,
                () -> AccessPolicy.requireMfaProof(alice(checkedBy(OTHER, NOW)), ACCOUNT, ALICE, enabled, NOW, AGE), "another device proves nothing");
        assertThrows(AccessDeniedException.class,
                () -> AccessPolicy.requireMfaProof(alice(checkedBy(PHONE, NOW.minus(AGE).minusMillis(1))), ACCOUNT, ALICE, enabled, NOW, AGE));
        assertThrows(AccessDeniedException.class,
                () -> AccessPolicy.requireMfaProof(alice(checkedBy(PHONE, NOW.plusSeconds(1))), ACCOUNT, ALICE, enabled, NOW, AGE));
        assertDoesNotThrow(() -> AccessPolicy.requireMfaProof(alice(checkedBy(PHONE, NOW.minus(AGE))), ACCOUNT, ALICE, enabled, NOW, AGE));
        assertDoesNotThrow(() -> AccessPolicy.requireMfaProof(alice(checkedBy(PHONE, NOW)), ACCOUNT, ALICE, enabled, NOW, AGE));
    }

    @Test
    void theFirstDeviceNeedsNoProofAndTheAdminAndOperatorAlwaysMayButNobodyElse() {
        assertDoesNotThrow(() -> AccessPolicy.requireMfaProof(alice(Optional.empty()), ACCOUNT, ALICE, Set.of(), NOW, AGE));
        Principal admin = new Principal.AccountAdmin(ACCOUNT, new AccessKeyId("GKAKAAAAAAAAAAAAAAAA"));
        assertDoesNotThrow(() -> AccessPolicy.requireMfaProof(admin, ACCOUNT, ALICE, Set.of(PHONE), NOW, AGE));
        assertDoesNotThrow(() -> AccessPolicy.requireMfaProof(new Principal.Operator(), ACCOUNT, ALICE, Set.of(PHONE), NOW, AGE));
        Principal otherAdmin = new Principal.AccountAdmin(new AccountId("acct2"), new AccessKeyId("GKAKBBBBBBBBBBBBBBBB"));
        assertThrows(AccessDeniedException.class, () -> AccessPolicy.requireMfaProof(otherAdmin, ACCOUNT, ALICE, Set.of(), NOW, AGE));
        Principal bob = new Principal.SubAccountUser(ACCOUNT, new SubAccountId("bob1"), new AccessKeyId("GKAKCCCCCCCCCCCCCCCC"), Optional.empty());
        assertThrows(AccessDeniedException.class, () -> AccessPolicy.requireMfaProof(bob, ACCOUNT, ALICE, Set.of(), NOW, AGE));
    }
}
