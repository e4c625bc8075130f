package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.gatekey.application.port.in.accesskey.CreateAccessKeyUseCase;
import io.gatekey.application.port.in.account.CreateAccountUseCase;
import io.gatekey.application.port.in.account.CreateSubAccountUseCase;
import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.application.port.in.mfa.CreateMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.EnableMfaDeviceUseCase;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.KeyOwner;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.AccountName;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountName;
import io.gatekey.domain.credential.DurationPolicy;
import io.gatekey.domain.mfa.MfaCheck;
import io.gatekey.domain.mfa.MfaDeviceName;
import io.gatekey.domain.mfa.MfaDeviceType;
import io.gatekey.domain.mfa.MfaSerialNumber;
import io.gatekey.domain.mfa.Totp;
import io.gatekey.domain.mfa.TotpParameters;
import io.gatekey.domain.mfa.TotpSeed;
import java.time.Clock;
import java.util.Optional;

/**
 * What an embedding program does first, through the library as the operator: an account, a user with an access
 * key, and the user's virtual device enabled with two consecutive codes.
 */
public record Enrolment(PersistentGatekey gatekey, Clock clock, AccountId account, SubAccount user, AccessKey key,
                        MfaSerialNumber serial, TotpSeed seed) {

    public static Enrolment of(PersistentGatekey gatekey, Clock clock) {
        var useCases = gatekey.useCases();
        Principal operator = gatekey.operator();
        AccountId account = useCases.createAccount().create(new CreateAccountUseCase.Command(operator, new AccountName("Example Corp"))).account().id();
        SubAccount alice = useCases.createSubAccount().create(new CreateSubAccountUseCase.Command(operator, account, new SubAccountName("alice")));
        AccessKey key = useCases.createAccessKey().create(new CreateAccessKeyUseCase.Command(operator, KeyOwner.subAccount(account, alice.id())));
        var created = useCases.createMfaDevice().create(new CreateMfaDeviceUseCase.Command(operator, alice.id(), new MfaDeviceName("alice-phone")));
        Enrolment enrolment = new Enrolment(gatekey, clock, account, alice, key, created.device().serialNumber(), TotpSeed.fromBase32(created.base32Seed()));
        assertInstanceOf(MfaCheck.Accepted.class, useCases.enableMfaDevice().enable(new EnableMfaDeviceUseCase.Command(
                operator, alice.id(), enrolment.serial(), enrolment.code(-1), enrolment.code(0))));
        return enrolment;
    }

    /** The same enrolment seen through another opening of the library. */
    public Enrolment through(PersistentGatekey other) {
        return new Enrolment(other, clock, account, user, key, serial, seed);
    }

    /** The code the user's authenticator shows {@code offset} steps from the clock's current one. */
    public String code(int offset) {
        return Totp.code(seed, TotpParameters.DEFAULT, Totp.stepAt(clock.instant(), 30) + offset);
    }

    /** Credentials for the user, checked with {@code code} on the device. */
    public IssueTemporaryCredentialsUseCase.Result issue(String code) {
        return gatekey.useCases().issueTemporaryCredentials().issue(IssueTemporaryCredentialsUseCase.Command.of(gatekey.operator(),
                Optional.of(user.id()), DurationPolicy.NCP, null,
                Optional.of(new IssueTemporaryCredentialsUseCase.MfaPresentation(Optional.of(serial), MfaDeviceType.VIRTUAL, code))));
    }
}
