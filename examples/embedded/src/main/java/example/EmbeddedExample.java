package example;

import io.gatekey.adapter.persistence.EmbeddedBackup;
import io.gatekey.adapter.persistence.PersistentGatekey;
import io.gatekey.application.port.in.accesskey.CreateAccessKeyUseCase;
import io.gatekey.application.port.in.account.CreateAccountUseCase;
import io.gatekey.application.port.in.account.CreateSubAccountUseCase;
import io.gatekey.application.port.in.account.FindSubAccountByNameUseCase;
import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.application.port.in.credential.ListTemporaryCredentialsUseCase;
import io.gatekey.application.port.in.mfa.CreateMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.EnableMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.ListMfaDevicesUseCase;
import io.gatekey.application.service.GatekeyServices;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.KeyOwner;
import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.AccountName;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountName;
import io.gatekey.domain.credential.DurationPolicy;
import io.gatekey.domain.credential.TemporaryCredential;
import io.gatekey.domain.mfa.MfaCheck;
import io.gatekey.domain.mfa.MfaDevice;
import io.gatekey.domain.mfa.MfaDeviceName;
import io.gatekey.domain.mfa.MfaDeviceType;
import io.gatekey.domain.mfa.MfaSerialNumber;
import io.gatekey.domain.mfa.Totp;
import io.gatekey.domain.mfa.TotpParameters;
import io.gatekey.domain.mfa.TotpSeed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Embeds Gatekey over the embedded default's layout in the folder it is started in ({@code data/}: the H2
 * database and its master key file), so {@code gatekey serve} or any {@code gatekey} command started there later
 * sees what it did.
 *
 * <p>First run: creates an account, a user with an access key and a virtual MFA device, enables the device with
 * two consecutive codes and issues MFA-backed temporary credentials. Every run: closes Gatekey, opens it again and
 * checks that the state survived, and that the code used for the credentials is refused now. The user's
 * authenticator app is played by {@code authenticator.txt} beside {@code data/}: the seed it scanned and the last
 * code it showed. Every run ends with a backup of the folder's database in {@code backups/}, taken while Gatekey is
 * open. Exits 0 only when every step went as expected.
 */
public final class EmbeddedExample {

    private static final Path DATA = Path.of("data");
    private static final Path AUTHENTICATOR = Path.of("authenticator.txt");
    private static final Path BACKUPS = Path.of("backups");
    private static final String ACCOUNT = "Example Corp";

    private final Clock clock = Clock.systemUTC();
    private int failures;

    public static void main(String[] args) throws IOException {
        EmbeddedExample example = new EmbeddedExample();
        example.run();
        System.out.println(example.failures == 0 ? "All steps went as expected." : example.failures + " step(s) failed.");
        System.exit(example.failures == 0 ? 0 : 1);
    }

    private void run() throws IOException {
        try (PersistentGatekey gatekey = PersistentGatekey.inFolder(DATA).clock(clock).open()) {
            GatekeyServices useCases = gatekey.useCases();
            Optional<Account> existing = useCases.listAccounts().list(gatekey.operator()).stream()
                    .filter(account -> account.name().value().equals(ACCOUNT)).findFirst();
            if (existing.isEmpty()) {
                enrolAndIssue(gatekey);
            } else {
                step("found the account of an earlier run: " + existing.get().id(), true);
            }
        }
        try (PersistentGatekey gatekey = PersistentGatekey.inFolder(DATA).clock(clock).open()) {
            checkTheStateSurvived(gatekey);
        }
    }

    private void enrolAndIssue(PersistentGatekey gatekey) throws IOException {
        GatekeyServices useCases = gatekey.useCases();
        Principal operator = gatekey.operator();
        var account = useCases.createAccount().create(new CreateAccountUseCase.Command(operator, new AccountName(ACCOUNT)));
        step("created the account " + account.account().id(), true);
        SubAccount alice = useCases.createSubAccount().create(
                new CreateSubAccountUseCase.Command(operator, account.account().id(), new SubAccountName("alice")));
        var key = useCases.createAccessKey().create(new CreateAccessKeyUseCase.Command(operator, KeyOwner.subAccount(account.account().id(), alice.id())));
        step("created the user alice (" + alice.id() + ") with the access key " + key.id(), true);

        var created = useCases.createMfaDevice().create(new CreateMfaDeviceUseCase.Command(operator, alice.id(), new MfaDeviceName("alice-phone")));
        System.out.println("  scan into an authenticator app: " + created.otpauthUri());
        TotpSeed seed = TotpSeed.fromBase32(created.base32Seed());
        MfaSerialNumber serial = created.device().serialNumber();
        MfaCheck enabled = useCases.enableMfaDevice().enable(
                new EnableMfaDeviceUseCase.Command(operator, alice.id(), serial, code(seed, -1), code(seed, 0)));
        step("enabled the device " + serial + " with two consecutive codes", enabled instanceof MfaCheck.Accepted);

        String code = code(seed, 1);
        Files.writeString(AUTHENTICATOR, created.base32Seed() + "\n" + code + "\n");
        var issued = issue(useCases, operator, alice, serial, code);
        if (issued instanceof IssueTemporaryCredentialsUseCase.Issued credentials) {
            TemporaryCredential credential = credentials.credential();
            step("issued credentials " + credential.accessKeyId() + " until " + credential.expiresAt() + " with MFA by "
                    + credential.mfa().map(p -> p.serialNumber().value()).orElse("none"), credential.mfa().isPresent());
        } else {
            step("issued credentials with the code " + code + ": " + issued, false);
        }
    }

    private void checkTheStateSurvived(PersistentGatekey gatekey) throws IOException {
        GatekeyServices useCases = gatekey.useCases();
        Principal operator = gatekey.operator();
        step("closed and opened Gatekey again on " + DATA.toAbsolutePath(), true);
        Optional<Account> account = useCases.listAccounts().list(operator).stream().filter(a -> a.name().value().equals(ACCOUNT)).findFirst();
        if (!step("the account is still there", account.isPresent())) {
            return;
        }
        Optional<SubAccount> alice = useCases.findSubAccountByName().find(
                new FindSubAccountByNameUseCase.Query(operator, account.get().id(), new SubAccountName("alice")));
        if (!step("the user alice is still there", alice.isPresent())) {
            return;
        }
        List<MfaDevice> devices = useCases.listMfaDevices().list(new ListMfaDevicesUseCase.Query(operator, account.get().id(),
                Optional.of(alice.get().id()), Optional.empty(), 10)).devices();
        if (!step("her device is still there and enabled", devices.size() == 1 && devices.get(0).isEnabled())) {
            return;
        }
        List<TemporaryCredential> credentials = useCases.listTemporaryCredentials().list(
                new ListTemporaryCredentialsUseCase.Query(operator, alice.get().id()));
        step("her MFA-backed credentials are still there (" + credentials.size() + ")",
                credentials.stream().anyMatch(c -> c.mfa().isPresent() && !c.revoked()));

        List<String> authenticator = Files.readAllLines(AUTHENTICATOR);
        String usedCode = authenticator.get(1);
        var again = issue(useCases, operator, alice.get(), devices.get(0).serialNumber(), usedCode);
        step("the code " + usedCode + " used for them is refused now"
                        + (again instanceof IssueTemporaryCredentialsUseCase.MfaRejected rejected ? " (" + rejected.reason() + ")" : ""),
                again instanceof IssueTemporaryCredentialsUseCase.MfaRejected);

        // A backup while Gatekey is open; `gatekey db restore` puts it back, with this program stopped.
        Path backup = BACKUPS.resolve("gatekey-" + clock.millis() + ".sql.gz");
        Files.createDirectories(BACKUPS);
        EmbeddedBackup.Summary summary = gatekey.backup(backup);
        step("backed up " + summary.rows() + " rows of " + summary.tables() + " tables to " + backup, summary.rows() > 0);
    }

    private static IssueTemporaryCredentialsUseCase.Result issue(GatekeyServices useCases, Principal operator, SubAccount user,
                                                                 MfaSerialNumber serial, String code) {
        return useCases.issueTemporaryCredentials().issue(IssueTemporaryCredentialsUseCase.Command.of(operator, Optional.of(user.id()),
                DurationPolicy.NCP, null, Optional.of(new IssueTemporaryCredentialsUseCase.MfaPresentation(Optional.of(serial), MfaDeviceType.VIRTUAL, code))));
    }

    /** The code an authenticator app shows {@code offset} steps from now. */
    private String code(TotpSeed seed, int offset) {
        return Totp.code(seed, TotpParameters.DEFAULT, Totp.stepAt(clock.instant(), 30) + offset);
    }

    private boolean step(String what, boolean ok) {
        System.out.println((ok ? "ok     " : "FAILED ") + what);
        if (!ok) {
            failures++;
        }
        return ok;
    }
}
