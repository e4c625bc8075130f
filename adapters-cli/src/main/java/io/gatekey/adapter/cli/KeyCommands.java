package io.gatekey.adapter.cli;

import io.gatekey.application.port.in.accesskey.ActivateAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.CreateAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.DeactivateAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.DeleteAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.ListAccessKeysUseCase;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.accesskey.KeyOwner;
import io.gatekey.domain.account.SubAccount;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatekey keys ...}: long-term access keys. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Long-term access keys of a user or of the account's admin.",
        subcommands = {KeyCommands.Create.class, KeyCommands.ListAll.class, KeyCommands.Activate.class, KeyCommands.Deactivate.class,
                KeyCommands.Delete.class})
final class KeyCommands {

    /** Whose keys: a user, or without --user the account's admin. */
    static final class Owner {
        @Option(names = "--account", description = "The account (default: the only one).")
        String account;
        @Option(names = "--user", paramLabel = "USER", description = "The user (its id, or its login id); without it, the account's admin.")
        String user;

        KeyOwner resolve(OperatorCommand command) {
            Optional<SubAccount> holder = Optional.ofNullable(user).map(named -> command.user(account, named));
            return new KeyOwner(command.account(account, holder), holder.map(SubAccount::id));
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates an access key (at most two per owner); the secret is printed once.",
            footerHeading = "%nExamples:%n", footer = {"  gatekey keys create --user alice", "  gatekey keys create -o json"})
    static final class Create extends OperatorCommand {
        @Mixin
        Owner owner;
        @Mixin
        Output output;

        @Override
        void run() {
            var key = useCases().createAccessKey().create(new CreateAccessKeyUseCase.Command(operator, owner.resolve(this)));
            output.one(out(), Output.row("accessKeyId", key.id().value(), "secretKey", key.secret().reveal(),
                    "userId", key.owner().subAccountId().map(Object::toString), "createdAt", key.createdAt()));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists an owner's access keys (never their secrets).",
            footerHeading = "%nExamples:%n", footer = "  gatekey keys list --user alice -o json")
    static final class ListAll extends OperatorCommand {
        @Mixin
        Owner owner;
        @Mixin
        Output output;

        @Override
        void run() {
            var keys = useCases().listAccessKeys().list(new ListAccessKeysUseCase.Query(operator, owner.resolve(this)));
            output.many(out(), keys.stream().map(Records::key).toList(), Records.KEY_COLUMNS);
        }
    }

    @Command(name = "activate", mixinStandardHelpOptions = true, description = "Lets an access key sign again.",
            footerHeading = "%nExamples:%n", footer = "  gatekey keys activate GKAK...")
    static final class Activate extends OperatorCommand {
        @Parameters(paramLabel = "ACCESS_KEY_ID", description = "The long-term access key's id.")
        String key;

        @Override
        void run() {
            useCases().activateAccessKey().activate(new ActivateAccessKeyUseCase.Command(operator, new AccessKeyId(key)));
            say("Access key " + key + " is active.");
        }
    }

    @Command(name = "deactivate", mixinStandardHelpOptions = true, description = "Stops an access key from signing.",
            footerHeading = "%nExamples:%n", footer = "  gatekey keys deactivate GKAK...")
    static final class Deactivate extends OperatorCommand {
        @Parameters(paramLabel = "ACCESS_KEY_ID", description = "The long-term access key's id.")
        String key;

        @Override
        void run() {
            useCases().deactivateAccessKey().deactivate(new DeactivateAccessKeyUseCase.Command(operator, new AccessKeyId(key)));
            say("Access key " + key + " is inactive.");
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes an access key for good.",
            footerHeading = "%nExamples:%n", footer = "  gatekey keys delete GKAK...")
    static final class Delete extends OperatorCommand {
        @Parameters(paramLabel = "ACCESS_KEY_ID", description = "The long-term access key's id.")
        String key;

        @Override
        void run() {
            useCases().deleteAccessKey().delete(new DeleteAccessKeyUseCase.Command(operator, new AccessKeyId(key)));
            say("Access key " + key + " deleted.");
        }
    }
}
