package io.gatekey.app;

import io.gatekey.adapter.cli.GatekeyCli;
import java.time.Clock;
import java.util.Map;

/**
 * The {@code gatekey} jar's entry point: {@code gatekey serve} runs the HTTP server, every other command is the
 * operator CLI on the same database; {@code gatekey example} runs the embedded-library example in memory.
 */
public final class GatekeyMain {

    private GatekeyMain() {
    }

    public static void main(String[] args) {
        boolean serve = args.length > 0 && args[0].equals("serve");
        // A command is over in a second or so: C2's compiles would not pay back in it; the server's do, but for the
        // JDK code that only its start runs much.
        QuickCompilation.begin(serve);
        JarServices.installForJarClassPath();
        ReactiveTypes.install();
        if (args.length > 0 && args[0].equals("example")) {
            EmbeddedExample.run(Clock.systemUTC(), System.out);
            return;
        }
        if (!serve && System.getProperty("gatekey.log.level") == null) {
            // Operator commands keep stderr for their one-line answers; warnings (a new master key file) still show.
            System.setProperty("gatekey.log.level", "WARN");
        }
        AppEnvironment environment = new AppEnvironment(Map.of());
        int exitCode = GatekeyCli.run(environment, args);
        if (environment.serving() && exitCode == 0) {
            return;
        }
        environment.close();
        System.exit(exitCode);
    }
}
