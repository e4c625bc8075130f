package io.gatekey.application.port.out;

/** Supplies the randomness behind ids, secrets, tokens and seeds. Implementations must be a CSPRNG. */
public interface RandomSource {

    byte[] bytes(int count);
}
