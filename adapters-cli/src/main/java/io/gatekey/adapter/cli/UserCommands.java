package io.gatekey.adapter.cli;

import io.gatekey.application.embedded.SecureRandomSource;
import io.gatekey.application.port.in.account.SetSubAccountPasswordUseCase;
import io.gatekey.application.port.in.account.UpdateSubAccountUseCase;
import io.gatekey.domain.account.ConsolePassword;
import io.gatekey.domain.account.IpRange;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountProfile;
import io.gatekey.domain.shared.InvalidValueException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import io.gatekey.application.port.in.account.ActivateSubAccountUseCase;
import io.gatekey.application.port.in.account.CreateSubAccountUseCase;
import io.gatekey.application.port.in.account.DeactivateSubAccountUseCase;
import io.gatekey.application.port.in.account.DeleteSubAccountUseCase;
import io.gatekey.application.port.in.account.ListSubAccountsUseCase;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.account.SubAccountName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatekey users ...}: sub accounts. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Users (sub accounts) of an account.",
        subcommands = {UserCommands.Create.class, UserCommands.ListAll.class, UserCommands.Activate.class, UserCommands.Deactivate.class,
                UserCommands.Delete.class, UserCommands.Console.class})
final class UserCommands {

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates an active user.",
            footerHeading = "%nExamples:%n", footer = {"  gatekey users create alice", "  gatekey users create bob --account <accountId> -o json"})
    static final class Create extends OperatorCommand {
        @Parameters(paramLabel = "NAME", description = "Login name, unique in the account: 3 to 60 letters, digits, '.', '_', '@' or '-'.")
        String name;
        @Option(names = "--account", description = "The account (default: the only one).")
        String account;
        @Mixin
        Output output;

        @Override
        void run() {
            var user = useCases().createSubAccount().create(new CreateSubAccountUseCase.Command(operator, account(account), new SubAccountName(name)));
            output.one(out(), Records.user(user));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists an account's users.",
            footerHeading = "%nExamples:%n", footer = "  gatekey users list -o json")
    static final class ListAll extends OperatorCommand {
        @Option(names = "--account", description = "The account (default: the only one).")
        String account;
        @Mixin
        Output output;

        @Override
        void run() {
            var users = useCases().listSubAccounts().list(new ListSubAccountsUseCase.Query(operator, account(account)));
            output.many(out(), users.stream().map(Records::user).toList(), Records.USER_COLUMNS);
        }
    }

    @Command(name = "activate", mixinStandardHelpOptions = true, description = "Lets a user's keys sign again.",
            footerHeading = "%nExamples:%n", footer = "  gatekey users activate alice")
    static final class Activate extends OperatorCommand {
        @Mixin
        UserParameter user;

        @Override
        void run() {
            useCases().activateSubAccount().activate(new ActivateSubAccountUseCase.Command(operator, user.resolve(this).id()));
            say("User " + user.user + " is active.");
        }
    }

    @Command(name = "deactivate", mixinStandardHelpOptions = true, description = "Stops every key of a user, temporary ones included.",
            footerHeading = "%nExamples:%n", footer = "  gatekey users deactivate alice")
    static final class Deactivate extends OperatorCommand {
        @Mixin
        UserParameter user;

        @Override
        void run() {
            useCases().deactivateSubAccount().deactivate(new DeactivateSubAccountUseCase.Command(operator, user.resolve(this).id()));
            say("User " + user.user + " is inactive.");
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Deletes a user with its keys and MFA devices, and revokes its temporary credentials.",
            footerHeading = "%nExamples:%n", footer = "  gatekey users delete alice")
    static final class Delete extends OperatorCommand {
        @Mixin
        UserParameter user;

        @Override
        void run() {
            useCases().deleteSubAccount().delete(new DeleteSubAccountUseCase.Command(operator, user.resolve(this).id()));
            say("User " + user.user + " deleted.");
        }
    }

    @Command(name = "console", mixinStandardHelpOptions = true,
            description = "Sets a user's console sign-in (at /nsa/<login alias>): access, password, MFA, permitted addresses.",
            footerHeading = "%nExamples:%n", footer = {"  gatekey users console alice --access on --generate-password \\", "      --password-reset on",
                    "  gatekey users console alice --mfa-mandatory on --permit-ip 203.0.113.0/24",
                    "  printf '%%s\\n' \"$PASSWORD\" | gatekey users console alice --password-stdin"})
    static final class Console extends OperatorCommand {
        @Mixin
        UserParameter user;
        @Option(names = "--access", paramLabel = "on|off", description = "Whether the user may sign in to the console.")
        Switch access;
        @Option(names = "--mfa-mandatory", paramLabel = "on|off", description = "Whether sign-in needs a device (the first sign-in enrols one).")
        Switch mfaMandatory;
        @Option(names = "--password-reset", paramLabel = "on|off", description = "Whether the next sign-in must choose a new password.")
        Switch passwordReset;
        @Option(names = "--permit-ip", paramLabel = "CIDR", description = "Allows sign-in only from these ranges (repeat the option).")
        List<String> permitIps;
        @Option(names = "--any-ip", description = "Allows sign-in from anywhere again.")
        boolean anyIp;
        @Option(names = "--generate-password", description = "Sets a new generated password and prints it, once.")
        boolean generatePassword;
        @Option(names = "--password-stdin", description = "Sets the password read from the first line of standard input (never from the command line).")
        boolean passwordStdin;

        enum Switch { on, off }

        @Override
        void run() {
            if (generatePassword && passwordStdin) {
                throw new InvalidValueException("password", "either --generate-password or --password-stdin");
            }
            SubAccount current = user.resolve(this);
            SubAccountId id = current.id();
            SubAccountProfile p = current.profile();
            List<IpRange> ranges = anyIp ? List.of()
                    : permitIps == null ? p.consolePermitIps() : permitIps.stream().map(r -> IpRange.parse("consolePermitIps", r)).toList();
            boolean reset = passwordReset == null ? p.needPasswordReset() : passwordReset == Switch.on;
            SubAccountProfile next = new SubAccountProfile(p.name(), p.email(), p.memo(), p.canApiGatewayAccess(), p.useApiAllowSource(),
                    p.apiAllowSources(), access == null ? p.canConsoleAccess() : access == Switch.on,
                    mfaMandatory == null ? p.mfaMandatory() : mfaMandatory == Switch.on, reset, !ranges.isEmpty(), ranges);
            useCases().updateSubAccount().update(new UpdateSubAccountUseCase.Command(operator, id, next, Optional.empty()));
            Optional<ConsolePassword> password = generatePassword
                    ? Optional.of(ConsolePassword.generate(new SecureRandomSource().bytes(16)))
                    : passwordStdin ? Optional.of(ConsolePassword.of(firstLineOfStandardInput())) : Optional.empty();
            password.ifPresent(chosen -> useCases().setSubAccountPassword().setPassword(
                    new SetSubAccountPasswordUseCase.Command(operator, id, chosen, reset)));
            say("Console for " + user.user + ": access " + (next.canConsoleAccess() ? "on" : "off") + ", MFA " + (next.mfaMandatory() ? "mandatory" : "optional")
                    + ", password reset " + (reset ? "due" : "not due") + (ranges.isEmpty() ? ", from anywhere" : ", from " + ranges.size() + " range(s)")
                    + (password.isPresent() ? ", password set" : "") + ".");
            if (generatePassword) {
                say("Password (shown once): " + password.get().reveal());
            }
        }

        private static String firstLineOfStandardInput() {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                return line == null ? "" : line;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
