package io.gatekey.adapter.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** An operation the installation refused for a reason that is not one of the domain's exceptions (a wrong code). */
final class CliRefusal extends RuntimeException {

    CliRefusal(String message) {
        super(message, null, false, false);
    }

    /** A file the operator named that could not be read, told in words rather than as the exception's bare path. */
    static CliRefusal cannotRead(Path file, IOException e) {
        String why;
        if (e instanceof NoSuchFileException) {
            why = "no such file";
        } else if (e instanceof AccessDeniedException) {
            why = "permission denied";
        } else if (e instanceof CharacterCodingException) {
            why = "not UTF-8 text";
        } else {
            why = e.getMessage();
        }
        return new CliRefusal("cannot read " + file + ": " + why);
    }
}
