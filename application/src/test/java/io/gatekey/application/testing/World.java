package io.gatekey.application.testing;

import io.gatekey.application.port.in.accesskey.CreateAccessKeyUseCase;
import io.gatekey.application.port.in.account.CreateAccountUseCase;
import io.gatekey.application.port.in.account.CreateSubAccountUseCase;
import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.application.port.in.mfa.CreateMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.EnableMfaDeviceUseCase;
import io.gatekey.application.port.out.AuditLog;
import io.gatekey.application.service.GatekeyPorts;
import io.gatekey.application.service.GatekeyServices;
import io.gatekey.application.service.GatekeySettings;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.KeyOwner;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.AccountName;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountName;
import io.gatekey.domain.audit.AuditEvent;
import io.gatekey.domain.audit.AuditEventType;
import io.gatekey.domain.credential.DurationPolicy;
import io.gatekey.domain.credential.TemporaryCredential;
import io.gatekey.domain.mfa.MfaCheck;
import io.gatekey.domain.mfa.MfaDeviceName;
import io.gatekey.domain.mfa.MfaDeviceType;
import io.gatekey.domain.mfa.MfaSerialNumber;
import io.gatekey.domain.mfa.Totp;
import io.gatekey.domain.mfa.TotpParameters;
import io.gatekey.domain.mfa.TotpSeed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A small installation for use-case tests: two accounts, each with an admin key and a sub account with a key,
 * on a clock that starts 10 seconds into a TOTP step.
 */
public final class World {

    public static final Instant START = Instant.parse("2026-06-01T10:00:10Z");

    public final MutableClock clock = new MutableClock(START);
    public final GatekeyPorts ports;
    public final GatekeyServices useCases;
    public final Principal operator = new Principal.Operator();
    public final Tenant acme;
    public final Tenant globex;

    /** A world over the stores this run selects: in memory unless {@link WorldStore#PROPERTY} names another. */
    public World() {
        this(WorldStore::openSelected);
    }

    /** A world over the stores that {@code store} opens on the world's clock. */
    public World(Function<Clock, GatekeyPorts> store) {
        this.ports = store.apply(clock);
        this.useCases = new GatekeyServices(ports, GatekeySettings.DEFAULT);
        this.acme = new Tenant("Acme", "alice");
        this.globex = new Tenant("Globex", "mallory");
    }

    /** An account with its admin and one sub account, each holding a key. */
    public final class Tenant {
        public final AccountId accountId;
        public final AccessKey adminKey;
        public final Principal admin;
        public final SubAccount user;
        public final AccessKey userKey;
        public final Principal userPrincipal;

        Tenant(String name, String userName) {
            var created = useCases.createAccount().create(new CreateAccountUseCase.Command(operator, new AccountName(name)));
            accountId = created.account().id();
            adminKey = created.adminKey();
            admin = new Principal.AccountAdmin(accountId, adminKey.id());
            user = useCases.createSubAccount().create(new CreateSubAccountUseCase.Command(admin, accountId, new SubAccountName(userName)));
            userKey = useCases.createAccessKey().create(new CreateAccessKeyUseCase.Command(admin, KeyOwner.subAccount(accountId, user.id())));
            userPrincipal = new Principal.SubAccountUser(accountId, user.id(), userKey.id(), Optional.empty());
        }

        /** Creates a virtual device for the user and enables it with the codes of the previous and current steps. */
        public Device enrolledDevice(String name) {
            Device device = createdDevice(name);
            MfaCheck check = useCases.enableMfaDevice().enable(new EnableMfaDeviceUseCase.Command(
                    userPrincipal, user.id(), device.serial, device.code(-1), device.code(0)));
            if (!(check instanceof MfaCheck.Accepted)) {
                throw new IllegalStateException("enabling failed: " + check);
            }
            return device;
        }

        public Device createdDevice(String name) {
            var created = useCases.createMfaDevice().create(new CreateMfaDeviceUseCase.Command(userPrincipal, user.id(), new MfaDeviceName(name)));
            return new Device(created.device().serialNumber(), TotpSeed.fromBase32(created.base32Seed()));
        }

        public IssueTemporaryCredentialsUseCase.Result issueWithCode(Device device, String code) {
            return issueAs(userPrincipal, Optional.of(device.serial), code);
        }

        public IssueTemporaryCredentialsUseCase.Result issueAs(Principal caller, Optional<MfaSerialNumber> serial, String code) {
            Optional<IssueTemporaryCredentialsUseCase.MfaPresentation> mfa = Optional.ofNullable(code)
                    .map(c -> new IssueTemporaryCredentialsUseCase.MfaPresentation(serial, MfaDeviceType.VIRTUAL, c));
            return useCases.issueTemporaryCredentials().issue(
                    IssueTemporaryCredentialsUseCase.Command.of(caller, Optional.empty(), DurationPolicy.NCP, null, mfa).withoutTokenBinding());
        }

        /** The user signing with fresh credentials from an MFA check by {@code device} (the code {@code offset} steps away). */
        public Principal withMfa(Device device, int offset) {
            var issued = (IssueTemporaryCredentialsUseCase.Issued) issueWithCode(device, device.code(offset));
            TemporaryCredential credential = issued.credential();
            return new Principal.SubAccountUser(accountId, user.id(), credential.accessKeyId(), credential.mfa(), Optional.of(userKey.id()));
        }
    }

    /** A device as its owner's authenticator app knows it. */
    public final class Device {
        public final MfaSerialNumber serial;
        public final TotpSeed seed;

        Device(MfaSerialNumber serial, TotpSeed seed) {
            this.serial = serial;
            this.seed = seed;
        }

        /** The clock's current step. */
        public long currentStep() {
            return Totp.stepAt(clock.instant(), 30);
        }

        /** The code for the step {@code offset} steps from the clock's current one. */
        public String code(int offset) {
            return Totp.code(seed, TotpParameters.DEFAULT, Totp.stepAt(clock.instant(), 30) + offset);
        }
    }

    public List<AuditEvent> audit(AuditEventType type) {
        return ports.auditLog().recent(new AuditLog.Query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(type), Optional.empty(), 1000));
    }
}
