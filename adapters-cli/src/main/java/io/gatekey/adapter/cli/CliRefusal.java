package io.gatekey.adapter.cli;

/** An operation the installation refused for a reason that is not one of the domain's exceptions (a wrong code). */
final class CliRefusal extends RuntimeException {

    CliRefusal(String message) {
        super(message, null, false, false);
    }
}
