package io.gatekey.adapter.cli;

import io.gatekey.application.port.out.StorageUnavailableException;
import io.gatekey.domain.secret.SecretIntegrityException;
import io.gatekey.domain.shared.GatekeyException;
import io.gatekey.domain.shared.InvalidValueException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import picocli.AutoComplete;
import picocli.CommandLine;

/** Builds the {@code gatekey} command line over an environment, with exit codes 0 (done), 1 (refused) and 2 (bad usage). */
public final class GatekeyCli {

    public static final int REFUSED = 1;
    public static final int BAD_USAGE = 2;
    private static final Pattern ASKS_HELP_OR_VERSION = Pattern.compile("-[hV]+|--help|--version");

    private GatekeyCli() {
    }

    /** The whole command line, every subcommand built. */
    public static CommandLine commandLine(CliEnvironment environment) {
        return commandLine(environment, GatekeyCommand.SUBCOMMANDS);
    }

    /**
     * The command line for one run: when {@code args} start with a subcommand's name, only that subcommand is
     * built (building all of them, each with its options, takes a command a quarter of its start-up); otherwise
     * (help, a mistyped name, completion, which describes them all) every one. A command on the installation has it
     * opened meanwhile ({@link CliEnvironment#openAhead()}).
     */
    public static CommandLine commandLine(CliEnvironment environment, String... args) {
        if (args.length > 0) {
            for (Class<?> subcommand : GatekeyCommand.SUBCOMMANDS) {
                String name = subcommand.getAnnotation(CommandLine.Command.class).name();
                if (name.equals(args[0]) && subcommand != AutoComplete.GenerateCompletion.class) {
                    if (subcommand != GatekeyCommand.Serve.class && !asksHelpOrVersion(args)) {
                        environment.openAhead();
                    }
                    return commandLine(environment, List.of(subcommand));
                }
            }
        }
        return commandLine(environment);
    }

    private static CommandLine commandLine(CliEnvironment environment, List<Class<?>> subcommands) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K created = defaults.create(type);
                if (created instanceof OperatorCommand command) {
                    command.environment = environment;
                }
                return created;
            }
        };
        CommandLine commandLine = new CommandLine(GatekeyCommand.class, factory);
        for (Class<?> subcommand : subcommands) {
            commandLine.addSubcommand(subcommand);
        }
        // --type credentials_issued, -o JSON: what an operator types is taken as the listed value it spells.
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(GatekeyCli::failed);
        commandLine.setParameterExceptionHandler(GatekeyCli::misused);
        return commandLine;
    }

    public static int run(CliEnvironment environment, String... args) {
        if (servesDirectly(args)) {
            return serve(environment, Arrays.copyOfRange(args, 1, args.length), new PrintWriter(System.err, true));
        }
        return commandLine(environment, args).execute(args);
    }

    /**
     * {@code serve} hands all its arguments to the server, so unless help or the version is asked for, it needs no
     * command line: the server starts without loading picocli (its classes, built for Java 5, stay outside the
     * launcher's class-data-sharing archive; skipping them saves the archived start about 0.1 s).
     */
    static boolean servesDirectly(String... args) {
        return args.length > 0 && args[0].equals("serve") && !asksHelpOrVersion(args);
    }

    private static boolean asksHelpOrVersion(String... args) {
        for (int i = 1; i < args.length; i++) {
            if (ASKS_HELP_OR_VERSION.matcher(args[i]).matches()) {
                return true;
            }
        }
        return false;
    }

    /** {@code serve} without picocli: the server gets every argument; a failure is told as any command's is. */
    static int serve(CliEnvironment environment, String[] serverArgs, PrintWriter err) {
        try {
            environment.serve(serverArgs);
            return 0;
        } catch (RuntimeException e) {
            return failed(e, err);
        }
    }

    private static int misused(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("gatekey: " + e.getMessage() + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return BAD_USAGE;
    }

    private static int failed(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        return failed(e, commandLine.getErr());
    }

    private static int failed(Exception e, PrintWriter err) {
        int code = REFUSED;
        if (e instanceof InvalidValueException invalid) {
            err.println("gatekey: " + invalid.field() + ": " + invalid.rule());
            code = BAD_USAGE;
        } else if (e instanceof GatekeyException || e instanceof CliRefusal || e instanceof CliEnvironment.Refused) {
            err.println("gatekey: " + e.getMessage());
        } else if (e instanceof StorageUnavailableException) {
            err.println("gatekey: the database is unavailable; check it and try again");
        } else if (e instanceof SecretIntegrityException) {
            err.println("gatekey: a stored secret does not open with the configured master key: " + e.getMessage());
        } else {
            err.println("gatekey: failed: " + rootMessage(e));
        }
        err.flush();
        return code;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
