package io.gatekey.adapter.cli;

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
                UserCommands.Delete.class})
final class UserCommands {

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates an active user.",
            footerHeading = "%nExamples:%n", footer = {"  gatekey users create alice", "  gatekey users create bob --account <accountId> -o json"})
    static final class Create extends OperatorCommand {
        @Parameters(paramLabel = "NAME", description = "Login name, unique in the account: letters, digits, '.', '_', '@', '-'.")
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
            footerHeading = "%nExamples:%n", footer = "  gatekey users activate <userId>")
    static final class Activate extends OperatorCommand {
        @Parameters(paramLabel = "USER_ID")
        String user;

        @Override
        void run() {
            useCases().activateSubAccount().activate(new ActivateSubAccountUseCase.Command(operator, new SubAccountId(user)));
            say("User " + user + " is active.");
        }
    }

    @Command(name = "deactivate", mixinStandardHelpOptions = true, description = "Stops every key of a user, temporary ones included.",
            footerHeading = "%nExamples:%n", footer = "  gatekey users deactivate <userId>")
    static final class Deactivate extends OperatorCommand {
        @Parameters(paramLabel = "USER_ID")
        String user;

        @Override
        void run() {
            useCases().deactivateSubAccount().deactivate(new DeactivateSubAccountUseCase.Command(operator, new SubAccountId(user)));
            say("User " + user + " is inactive.");
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Deletes a user with its keys and MFA devices, and revokes its temporary credentials.",
            footerHeading = "%nExamples:%n", footer = "  gatekey users delete <userId>")
    static final class Delete extends OperatorCommand {
        @Parameters(paramLabel = "USER_ID")
        String user;

        @Override
        void run() {
            useCases().deleteSubAccount().delete(new DeleteSubAccountUseCase.Command(operator, new SubAccountId(user)));
            say("User " + user + " deleted.");
        }
    }
}
