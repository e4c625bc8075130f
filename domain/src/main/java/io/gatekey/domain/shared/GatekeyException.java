package io.gatekey.domain.shared;

/** The one small family of exceptions that domain and use cases throw; every door maps each kind to its own wire error. */
public abstract sealed class GatekeyException extends RuntimeException
        permits InvalidValueException, NotFoundException, ConflictException, AccessDeniedException {

    protected GatekeyException(String message) {
        super(message, null, false, false);
    }
}
