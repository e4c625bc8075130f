package io.gatekey.adapter.cli;

import io.gatekey.application.port.in.account.CreateAccountUseCase;
import io.gatekey.application.port.in.account.GetLoginAliasUseCase;
import io.gatekey.application.port.in.account.SetLoginAliasUseCase;
import io.gatekey.domain.account.AccountName;
import io.gatekey.domain.account.LoginAlias;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatekey accounts ...}: accounts and their login alias. */
@Command(name = "accounts", mixinStandardHelpOptions = true, description = "Accounts and their login alias.",
        subcommands = {AccountCommands.Create.class, AccountCommands.ListAll.class, AccountCommands.Alias.class})
final class AccountCommands {

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates an account and its admin key; the secret is printed once.",
            footerHeading = "%nExamples:%n", footer = "  gatekey accounts create \"Globex\"")
    static final class Create extends OperatorCommand {
        @Parameters(paramLabel = "NAME", description = "The account's name.")
        String name;
        @Mixin
        Output output;

        @Override
        void run() {
            var created = useCases().createAccount().create(new CreateAccountUseCase.Command(operator, new AccountName(name)));
            output.one(out(), Output.row("accountId", created.account().id().value(), "name", created.account().name().value(),
                    "accessKeyId", created.adminKey().id().value(), "secretKey", created.adminKey().secret().reveal()));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the accounts.",
            footerHeading = "%nExamples:%n", footer = {"  gatekey accounts list", "  gatekey accounts list -o json"})
    static final class ListAll extends OperatorCommand {
        @Mixin
        Output output;

        @Override
        void run() {
            output.many(out(), useCases().listAccounts().list(operator).stream().map(Records::account).toList(), Records.ACCOUNT_COLUMNS);
        }
    }

    @Command(name = "alias", mixinStandardHelpOptions = true, description = "The account's login alias.",
            subcommands = {Alias.Set.class, Alias.Show.class})
    static final class Alias {

        @Command(name = "set", mixinStandardHelpOptions = true, description = "Sets the login alias (3-20 lowercase letters and digits, unique).",
                footerHeading = "%nExamples:%n", footer = "  gatekey accounts alias set examplecorp --account <accountId>")
        static final class Set extends OperatorCommand {
            @Parameters(paramLabel = "ALIAS", description = "The new login alias.")
            String alias;
            @Option(names = "--account", description = "The account (default: the only one).")
            String account;

            @Override
            void run() {
                useCases().setLoginAlias().setLoginAlias(new SetLoginAliasUseCase.Command(operator, account(account), new LoginAlias(alias)));
                say("Login alias set to " + alias + ".");
            }
        }

        @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows the login alias.",
                footerHeading = "%nExamples:%n", footer = "  gatekey accounts alias show -o json")
        static final class Show extends OperatorCommand {
            @Option(names = "--account", description = "The account (default: the only one).")
            String account;
            @Mixin
            Output output;

            @Override
            void run() {
                var accountId = account(account);
                var alias = useCases().getLoginAlias().getLoginAlias(new GetLoginAliasUseCase.Query(operator, accountId));
                output.one(out(), Output.row("accountId", accountId.value(), "loginAlias", alias.map(LoginAlias::value)));
            }
        }
    }
}
