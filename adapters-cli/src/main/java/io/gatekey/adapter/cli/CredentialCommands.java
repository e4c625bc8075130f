package io.gatekey.adapter.cli;

import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.application.port.in.credential.ListTemporaryCredentialsUseCase;
import io.gatekey.application.port.in.credential.RevokeTemporaryCredentialsUseCase;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.credential.TemporaryCredential;
import io.gatekey.domain.mfa.MfaDeviceType;
import io.gatekey.domain.mfa.MfaSerialNumber;
import io.gatekey.domain.shared.InvalidValueException;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatekey credentials ...}: temporary credentials. */
@Command(name = "credentials", mixinStandardHelpOptions = true, description = "Temporary credentials of users.",
        subcommands = {CredentialCommands.Issue.class, CredentialCommands.ListAll.class, CredentialCommands.Revoke.class})
final class CredentialCommands {

    /** The lifetimes an operator may grant: a minute up to the longest any door allows. */
    static final Duration MIN_LIFETIME = Duration.ofMinutes(1);
    static final Duration MAX_LIFETIME = Duration.ofHours(12);

    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = "Issues temporary credentials to a user, after an MFA check when a code is given; the secret and token are printed once.",
            footerHeading = "%nExamples:%n", footer = {"  gatekey credentials issue --user alice --code 123456",
            "  gatekey credentials issue --user alice --code 123456 --duration 900 -o json \\",
            "      --serial iam::<accountId>:mfa:alice-phone"})
    static final class Issue extends OperatorCommand {
        @Mixin
        UserOption user;
        @Option(names = "--duration", defaultValue = "3600", description = "Lifetime in seconds, 60-43200 (default: ${DEFAULT-VALUE}).")
        long durationSeconds;
        @Option(names = "--code", description = "A one-time code, taken exactly as given.")
        String code;
        @Option(names = "--serial", description = "The device the code is from (default: the user's enabled device of --type).")
        String serial;
        @Option(names = "--type", defaultValue = "virtual", description = "virtual or hardware (default: ${DEFAULT-VALUE}).")
        String type;
        @Option(names = "--no-token-binding", description = "For the NCP door, whose requests carry no session token: the key and "
                + "secret sign alone. By default every use must present the session token (Huawei, Tencent).")
        boolean unbound;
        @Mixin
        Output output;

        @Override
        void run() {
            Duration lifetime = Duration.ofSeconds(durationSeconds);
            if (lifetime.compareTo(MIN_LIFETIME) < 0 || lifetime.compareTo(MAX_LIFETIME) > 0) {
                throw new InvalidValueException("--duration", "60-43200 seconds");
            }
            if (code == null && serial != null) {
                throw new InvalidValueException("--code", "required with --serial");
            }
            MfaDeviceType deviceType = switch (type) {
                case "virtual" -> MfaDeviceType.VIRTUAL;
                case "hardware" -> MfaDeviceType.HARDWARE;
                default -> throw new InvalidValueException("--type", "virtual or hardware");
            };
            Optional<IssueTemporaryCredentialsUseCase.MfaPresentation> mfa = Optional.ofNullable(code).map(c ->
                    new IssueTemporaryCredentialsUseCase.MfaPresentation(Optional.ofNullable(serial).map(MfaSerialNumber::new), deviceType, c));
            var tokenBound = new IssueTemporaryCredentialsUseCase.Command(operator, Optional.of(user.resolve(this).id()), lifetime, mfa);
            var command = unbound ? tokenBound.withoutTokenBinding() : tokenBound;
            var result = useCases().issueTemporaryCredentials().issue(command);
            if (result instanceof IssueTemporaryCredentialsUseCase.MfaRejected rejected) {
                throw new CliRefusal("MFA check failed: " + MfaCommands.describe(rejected.reason()));
            }
            TemporaryCredential credential = ((IssueTemporaryCredentialsUseCase.Issued) result).credential();
            output.one(out(), Output.row("accessKeyId", credential.accessKeyId().value(), "secretKey", credential.secret().reveal(),
                    "sessionToken", credential.sessionToken().reveal(), "expiresAt", credential.expiresAt(),
                    "mfaSerialNumber", credential.mfa().map(m -> m.serialNumber().value())));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists a user's unexpired temporary credentials.",
            footerHeading = "%nExamples:%n", footer = "  gatekey credentials list --user alice -o json")
    static final class ListAll extends OperatorCommand {
        @Mixin
        UserOption user;
        @Mixin
        Output output;

        @Override
        void run() {
            var credentials = useCases().listTemporaryCredentials().list(new ListTemporaryCredentialsUseCase.Query(operator, user.resolve(this).id()));
            output.many(out(), credentials.stream().map(Records::credential).toList(), Records.CREDENTIAL_COLUMNS);
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revokes one temporary credential, all of a user's, or all that one MFA device backed.",
            footerHeading = "%nExamples:%n", footer = {"  gatekey credentials revoke GKST...", "  gatekey credentials revoke --user alice",
            "  gatekey credentials revoke --device iam::<accountId>:mfa:alice-phone"})
    static final class Revoke extends OperatorCommand {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;
        @Option(names = "--account", description = "The user's account, for a login id (default: the only one).")
        String account;
        @Mixin
        Output output;

        static final class Target {
            @Parameters(paramLabel = "ACCESS_KEY_ID", arity = "0..1", description = "This temporary credential (its access key id).")
            String accessKeyId;
            @Option(names = "--user", paramLabel = "USER", description = "All of this user's (its id, or its login id).")
            String user;
            @Option(names = "--device", paramLabel = "SERIAL", description = "All that were issued after a check of this device's codes (its serial number).")
            String device;
        }

        @Override
        void run() {
            RevokeTemporaryCredentialsUseCase.Scope scope;
            if (target.user != null) {
                scope = new RevokeTemporaryCredentialsUseCase.AllOfSubAccount(user(account, target.user).id());
            } else if (target.device != null) {
                scope = new RevokeTemporaryCredentialsUseCase.AllFromDevice(new MfaSerialNumber(target.device));
            } else {
                scope = new RevokeTemporaryCredentialsUseCase.One(new AccessKeyId(target.accessKeyId));
            }
            int revoked = useCases().revokeTemporaryCredentials().revoke(new RevokeTemporaryCredentialsUseCase.Command(operator, scope));
            output.one(out(), Output.row("revoked", revoked));
        }
    }
}
