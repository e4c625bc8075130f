package io.gatekey.adapter.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** An operation the installation refused for a reason that is not one of the domain's exceptions (a wrong code). */
final class CliRefusal extends RuntimeException {

    CliRefusal(String message) {
        super(message, null, false, false);
    }

    /** A file the operator named that could not be read, told in words rather than as the exception's bare path. */
    static CliRefusal cannotRead(Path file, IOException e) {
        return new CliRefusal("cannot read " + file + ": " + (e instanceof NoSuchFileException ? "no such file" : why(e)));
    }

    /** A file the operator named that could not be written, told in words (missing, the folder it would go in). */
    static CliRefusal cannotWrite(Path file, IOException e) {
        return new CliRefusal("cannot write " + file + ": " + (e instanceof NoSuchFileException ? "no such folder" : why(e)));
    }

    private static String why(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        return reason == null ? e.getClass().getSimpleName() : reason.toLowerCase(Locale.ROOT);
    }
}
