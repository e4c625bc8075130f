package io.gatekey.domain.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * A console password's Argon2id hash in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}),
 * with OWASP's minimum cost. Checked in constant time.
 */
public record PasswordHash(String encoded) {

    private static final int MEMORY_KIB = 19456;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int LENGTH = 32;
    /**
     * Each derivation holds 19 MiB for tens of milliseconds: at most this many run at once, so a flood of sign-ins
     * queues here instead of taking the heap.
     */
    private static final Semaphore DERIVATIONS = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()), true);

    public static PasswordHash of(ConsolePassword password, byte[] salt) {
        byte[] hash = derive(password.reveal(), salt, MEMORY_KIB, ITERATIONS, PARALLELISM, LENGTH);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return new PasswordHash("$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
                + b64.encodeToString(salt) + "$" + b64.encodeToString(hash));
    }

    /** Whether this hash was made with today's cost; an older one is made again at the next sign-in that proves the password. */
    public boolean isCurrent() {
        return encoded.startsWith("$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$");
    }

    public boolean matches(String candidate) {
        String[] parts = encoded.split("\\$");
        String[] cost = parts[3].split(",");
        byte[] salt = Base64.getDecoder().decode(parts[4]);
        byte[] expected = Base64.getDecoder().decode(parts[5]);
        byte[] actual = derive(candidate, salt, Integer.parseInt(cost[0].substring(2)), Integer.parseInt(cost[1].substring(2)),
                Integer.parseInt(cost[2].substring(2)), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(String password, byte[] salt, int memory, int iterations, int parallelism, int length) {
        DERIVATIONS.acquireUninterruptibly();
        try {
            return deriveNow(password, salt, memory, iterations, parallelism, length);
        } finally {
            DERIVATIONS.release();
        }
    }

    private static byte[] deriveNow(String password, byte[] salt, int memory, int iterations, int parallelism, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(memory).withIterations(iterations).withParallelism(parallelism).build());
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    @Override
    public String toString() {
        return "PasswordHash[argon2id]";
    }
}
