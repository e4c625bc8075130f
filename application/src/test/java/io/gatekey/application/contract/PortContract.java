package io.gatekey.application.contract;

import io.gatekey.application.service.GatekeyPorts;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.accesskey.KeyOwner;
import io.gatekey.domain.accesskey.SecretKey;
import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.AccountName;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.account.ApiAllowSource;
import io.gatekey.domain.account.IpRange;
import io.gatekey.domain.account.SubAccountName;
import io.gatekey.domain.account.SubAccountProfile;
import io.gatekey.domain.credential.CredentialOrigin;
import io.gatekey.domain.credential.SessionToken;
import io.gatekey.domain.credential.TemporaryCredential;
import io.gatekey.domain.mfa.MfaDevice;
import io.gatekey.domain.mfa.MfaDeviceName;
import io.gatekey.domain.mfa.MfaDeviceType;
import io.gatekey.domain.mfa.MfaProvenance;
import io.gatekey.domain.mfa.TotpParameters;
import io.gatekey.domain.mfa.TotpSeed;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the port contract tests: each implementation (in memory, H2, MariaDB) extends a contract and supplies
 * fresh, empty ports from one store, so a test can create the rows its subject refers to.
 */
public abstract class PortContract {

    /** Millisecond precision, the finest every store keeps. */
    protected static final Instant NOW = Instant.parse("2026-06-01T10:00:10.123Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    protected GatekeyPorts ports;

    /** Fresh ports over an empty store. */
    protected abstract GatekeyPorts newPorts();

    @BeforeEach
    void createPorts() {
        ports = newPorts();
    }

    protected static byte[] random(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** A profile with every field set, so the stores show they keep each. */
    protected static final SubAccountProfile FULL_PROFILE = new SubAccountProfile("Alice Example", Optional.of("alice@example.com"),
            "on call, \u00e9quipe B", true, true, List.of(ApiAllowSource.of("IP", "203.0.113.0/24"), ApiAllowSource.of("IP", "2001:db8::7")),
            true, true, true, true, List.of(IpRange.parse("consolePermitIps", "198.51.100.0/24")));

    protected Account newAccount() {
        Account account = Account.create(AccountId.fromRandom(random(16)), new AccountName("Account " + RANDOM.nextInt(1000)), NOW);
        ports.accounts().add(account);
        return account;
    }

    protected SubAccount newSubAccount(Account account, String name) {
        long number = ports.accounts().takeSubAccountPlace(account.id(), 500).orElseThrow();
        SubAccount user = SubAccount.create(SubAccountId.fromRandom(random(16)), account.id(), number, new SubAccountName(name), FULL_PROFILE, NOW);
        ports.subAccounts().add(user);
        return user;
    }

    protected AccessKey newAccessKey(KeyOwner owner, Instant createdAt) {
        AccessKey key = AccessKey.create(AccessKeyId.longTerm(random(10)), owner, SecretKey.fromRandom(random(30)), createdAt);
        if (!ports.accessKeys().addWithinLimit(key, 2)) {
            throw new IllegalStateException("the owner holds two keys already");
        }
        return key;
    }

    protected MfaDevice newDevice(SubAccount user, String name) {
        MfaDevice device = MfaDevice.create(user.accountId(), user.id(), new MfaDeviceName(name), MfaDeviceType.VIRTUAL,
                TotpSeed.of(random(20)), TotpParameters.DEFAULT, NOW);
        ports.mfaDevices().add(device);
        return device;
    }

    protected TemporaryCredential newCredential(SubAccount user, Instant createdAt, Duration lifetime, Optional<MfaProvenance> mfa) {
        return newCredential(user, createdAt, lifetime, mfa, Optional.empty(), true);
    }

    protected TemporaryCredential newCredential(SubAccount user, Instant createdAt, Duration lifetime, Optional<MfaProvenance> mfa,
                                                Optional<CredentialOrigin> origin, boolean tokenBound) {
        TemporaryCredential credential = TemporaryCredential.issue(AccessKeyId.temporary(random(10)), SecretKey.fromRandom(random(30)),
                SessionToken.fromRandom(random(48)), user.accountId(), user.id(), createdAt, lifetime, mfa, origin, tokenBound);
        ports.temporaryCredentials().add(credential);
        return credential;
    }

    protected static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
