package io.gatekey.application.embedded;

import io.gatekey.application.port.out.RandomSource;
import java.security.SecureRandom;

/** The JDK's default CSPRNG (non-blocking). */
public final class SecureRandomSource implements RandomSource {

    private final SecureRandom random = new SecureRandom();

    @Override
    public byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
