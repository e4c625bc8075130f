package io.gatekey.adapter.cli;

import io.gatekey.application.port.in.account.FindSubAccountByNameUseCase;
import io.gatekey.application.port.in.account.GetSubAccountUseCase;
import io.gatekey.application.port.in.account.ListAccountsUseCase;
import io.gatekey.application.service.GatekeyServices;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.account.SubAccountName;
import io.gatekey.domain.shared.InvalidValueException;
import io.gatekey.domain.shared.NotFoundException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** A command run by the installation's operator on the local machine. */
abstract class OperatorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Set by {@link GatekeyCli}'s factory when it creates the command. */
    CliEnvironment environment;
    final Principal operator = new Principal.Operator();

    @Override
    public final Integer call() {
        run();
        return 0;
    }

    abstract void run();

    GatekeyServices useCases() {
        return environment.useCases();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** One line of confirmation for people; commands that print data use {@link Output} instead. */
    void say(String line) {
        out().println(line);
        out().flush();
    }

    /**
     * A user, given by its id or by its login id, of the account {@code account} names, or without one of any account
     * for an id and of the only account for a login id (with several accounts, a login id needs the account: a
     * command stays one read however many accounts there are). An id wins over a login id that spells it.
     */
    SubAccount user(String account, String user) {
        Optional<AccountId> scope = Optional.ofNullable(account).map(AccountId::new);
        Optional<SubAccount> byId = SubAccountId.parse(user).flatMap(this::existing)
                .filter(found -> scope.map(found.accountId()::equals).orElse(true));
        if (byId.isPresent()) {
            return byId.get();
        }
        SubAccountName loginId = SubAccountName.parse(user)
                .orElseThrow(() -> new InvalidValueException("user", "a user's id, or its login id"));
        AccountId in = scope.orElseGet(() -> {
            List<Account> accounts = useCases().listAccounts().list(operator);
            if (accounts.size() > 1) {
                throw new InvalidValueException("--account", "required with a login id: there are " + accounts.size() + " accounts (or give the user's id)");
            }
            return accounts.stream().findFirst().map(Account::id).orElseThrow(() -> new NotFoundException(NotFoundException.Missing.SUB_ACCOUNT, user));
        });
        return useCases().findSubAccountByName().find(new FindSubAccountByNameUseCase.Query(operator, in, loginId))
                .orElseThrow(() -> new NotFoundException(NotFoundException.Missing.SUB_ACCOUNT, user));
    }

    /** A user named by {@code --user USER}, with {@code --account} for a login id. */
    static final class UserOption {
        @Option(names = "--user", required = true, paramLabel = "USER", description = "The user: its id, or its login id.")
        String user;
        @Option(names = "--account", description = "The user's account, for a login id (default: the only one).")
        String account;

        SubAccount resolve(OperatorCommand command) {
            return command.user(account, user);
        }
    }

    /** A user named by the command's parameter, with {@code --account} for a login id. */
    static final class UserParameter {
        @Parameters(paramLabel = "USER", description = "The user: its id, or its login id.")
        String user;
        @Option(names = "--account", description = "The user's account, for a login id (default: the only one).")
        String account;

        SubAccount resolve(OperatorCommand command) {
            return command.user(account, user);
        }
    }

    /** For a question about the past (the audit trail): the id of {@link #user}, or an id as given when its user is gone. */
    SubAccountId userId(String account, String user) {
        try {
            return user(account, user).id();
        } catch (NotFoundException e) {
            return SubAccountId.parse(user).orElseThrow(() -> e);
        }
    }

    private Optional<SubAccount> existing(SubAccountId id) {
        try {
            return Optional.of(useCases().getSubAccount().get(new GetSubAccountUseCase.Command(operator, id)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** An ISO 8601 time given to {@code option}; empty when not given. */
    static Optional<Instant> time(String option, String text) {
        try {
            return Optional.ofNullable(text).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(option, "an ISO 8601 time such as 2026-01-01T00:00:00Z");
        }
    }

    /** The account of {@code user} when one is given, else the named account, or the only one. */
    AccountId account(String named, Optional<SubAccount> user) {
        return user.map(SubAccount::accountId).orElseGet(() -> account(named));
    }

    /** The named account, or the only one when none is named. */
    AccountId account(String named) {
        if (named != null) {
            return new AccountId(named);
        }
        ListAccountsUseCase listing = useCases().listAccounts();
        List<Account> accounts = listing.list(operator);
        if (accounts.size() != 1) {
            throw new InvalidValueException("--account", accounts.isEmpty()
                    ? "no account exists yet; run 'gatekey init' first"
                    : "required: there are " + accounts.size() + " accounts");
        }
        return accounts.get(0).id();
    }
}
