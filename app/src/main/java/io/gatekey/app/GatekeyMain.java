package io.gatekey.app;

import java.time.Clock;

/** The {@code gatekey} jar's entry point. */
public final class GatekeyMain {

    private GatekeyMain() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("example")) {
            EmbeddedExample.run(Clock.systemUTC(), System.out);
            return;
        }
        System.err.println("usage: gatekey [example]");
        System.exit(2);
    }
}
