package io.gatekey.domain.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an audited action came from: the door (a provider dialect's name, or {@code cli}, {@code embedded},
 * {@code server} for the server's own jobs), the request's id, the caller's address and its user agent, each as
 * the door saw it. None of them is secret, none of them is proof: they say where to look.
 */
public record AuditOrigin(String door, Optional<String> requestId, Optional<String> sourceAddress, Optional<String> userAgent) {

    public AuditOrigin {
        Objects.requireNonNull(door, "door");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        Objects.requireNonNull(userAgent, "userAgent");
        if (door.isBlank()) {
            throw new IllegalArgumentException("door is blank");
        }
    }

    /** A process on this machine (the CLI, the server's own jobs), named with the user that runs it. */
    public static AuditOrigin local(String door) {
        return new AuditOrigin(door, Optional.empty(), Optional.of("local"),
                Optional.of("gatekey " + door + " (" + System.getProperty("user.name", "?") + ")"));
    }

    /** An origin known only by its door. */
    public static AuditOrigin of(String door) {
        return new AuditOrigin(door, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
