package io.gatekey.adapter.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the gatekey command line in-process and keeps what it printed. */
public final class CliRunner {

    /** What one run printed, and its exit code. */
    public record Run(int exitCode, String out, String err) {
    }

    private final CliEnvironment environment;

    public CliRunner(CliEnvironment environment) {
        this.environment = environment;
    }

    public Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = GatekeyCli.commandLine(environment, args);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
