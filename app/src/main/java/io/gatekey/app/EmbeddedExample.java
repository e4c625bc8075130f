package io.gatekey.app;

import io.gatekey.application.embedded.EmbeddedGatekey;
import io.gatekey.application.port.in.account.CreateAccountUseCase;
import io.gatekey.application.port.in.account.CreateSubAccountUseCase;
import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.application.port.in.mfa.CreateMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.EnableMfaDeviceUseCase;
import io.gatekey.application.service.GatekeyServices;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.AccountName;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountName;
import io.gatekey.domain.credential.DurationPolicy;
import io.gatekey.domain.credential.TemporaryCredential;
import io.gatekey.domain.mfa.MfaCheck;
import io.gatekey.domain.mfa.MfaDevice;
import io.gatekey.domain.mfa.MfaDeviceName;
import io.gatekey.domain.mfa.MfaDeviceType;
import io.gatekey.domain.mfa.Totp;
import io.gatekey.domain.mfa.TotpSeed;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Optional;

/**
 * The embedded library end to end: an account, a user, a virtual MFA device enabled with two codes computed from
 * its seed (as an authenticator app would), and MFA-backed temporary credentials.
 */
public final class EmbeddedExample {

    private EmbeddedExample() {
    }

    public static TemporaryCredential run(Clock clock, PrintStream out) {
        EmbeddedGatekey gatekey = EmbeddedGatekey.inMemory(clock);
        GatekeyServices useCases = gatekey.useCases();
        Principal operator = gatekey.operator();

        var account = useCases.createAccount().create(new CreateAccountUseCase.Command(operator, new AccountName("Example Corp")));
        out.println("account      " + account.account().id() + " (admin key " + account.adminKey().id() + ")");
        SubAccount alice = useCases.createSubAccount().create(
                new CreateSubAccountUseCase.Command(operator, account.account().id(), new SubAccountName("alice")));
        out.println("user         " + alice.name() + " " + alice.id());

        var created = useCases.createMfaDevice().create(
                new CreateMfaDeviceUseCase.Command(operator, alice.id(), new MfaDeviceName("alice-phone")));
        MfaDevice device = created.device();
        out.println("mfa device   " + device.serialNumber());
        out.println("otpauth URI  " + created.otpauthUri());

        // What the user's authenticator app does: codes from the seed for the previous and the current step.
        TotpSeed seed = TotpSeed.fromBase32(created.base32Seed());
        long step = Totp.stepAt(clock.instant(), device.parameters().periodSeconds());
        MfaCheck enabled = useCases.enableMfaDevice().enable(new EnableMfaDeviceUseCase.Command(operator, alice.id(),
                device.serialNumber(), Totp.code(seed, device.parameters(), step - 1), Totp.code(seed, device.parameters(), step)));
        out.println("enabled      " + enabled);

        // The current step is used up by enabling; the next code (one step ahead is inside the window) is fresh.
        String nextCode = Totp.code(seed, device.parameters(), step + 1);
        var result = useCases.issueTemporaryCredentials().issue(IssueTemporaryCredentialsUseCase.Command.of(operator,
                Optional.of(alice.id()), DurationPolicy.NCP, null,
                Optional.of(new IssueTemporaryCredentialsUseCase.MfaPresentation(Optional.of(device.serialNumber()), MfaDeviceType.VIRTUAL, nextCode))));
        if (!(result instanceof IssueTemporaryCredentialsUseCase.Issued issued)) {
            throw new IllegalStateException("credentials refused: " + result);
        }
        TemporaryCredential credential = issued.credential();
        out.println("credentials  " + credential.accessKeyId() + " expires " + credential.expiresAt()
                + " mfa " + credential.mfa().map(m -> m.serialNumber() + " step " + m.matchedStep()).orElse("none"));
        return credential;
    }
}
