package io.gatekey.adapter.cli;

import io.gatekey.application.port.in.account.GetSubAccountUseCase;
import io.gatekey.application.port.in.account.ListAccountsUseCase;
import io.gatekey.application.service.GatekeyServices;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.shared.InvalidValueException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
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

    /** The named account; without one, the account of {@code user} when given, else the only account. */
    AccountId account(String named, String user) {
        if (named == null && user != null) {
            return useCases().getSubAccount().get(new GetSubAccountUseCase.Command(operator, new SubAccountId(user))).accountId();
        }
        return account(named);
    }

    /** An ISO 8601 time given to {@code option}; empty when not given. */
    static Optional<Instant> time(String option, String text) {
        try {
            return Optional.ofNullable(text).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(option, "an ISO 8601 time such as 2026-01-01T00:00:00Z");
        }
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
