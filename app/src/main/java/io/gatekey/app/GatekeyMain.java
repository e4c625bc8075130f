package io.gatekey.app;

import io.micronaut.runtime.Micronaut;
import java.time.Clock;
import java.util.Arrays;

/** The {@code gatekey} jar's entry point: {@code serve} runs the HTTP server, {@code example} the embedded example. */
public final class GatekeyMain {

    private GatekeyMain() {
    }

    public static void main(String[] args) {
        // The embedded H2 database lets a second local process (the CLI) in through a TCP port: loopback only.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        String command = args.length == 0 ? "" : args[0];
        switch (command) {
            case "serve" -> Micronaut.build(Arrays.copyOfRange(args, 1, args.length))
                    .mainClass(GatekeyMain.class)
                    .banner(false)
                    .start();
            case "example" -> EmbeddedExample.run(Clock.systemUTC(), System.out);
            default -> {
                System.err.println("usage: gatekey serve | gatekey example");
                System.exit(2);
            }
        }
    }
}
