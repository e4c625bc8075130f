package io.gatekey.app.http;

/** The console's cookie names, as a browser sees them. */
final class ConsoleClientNames {

    static final String SESSION = "gatekey_session";

    private ConsoleClientNames() {
    }
}
