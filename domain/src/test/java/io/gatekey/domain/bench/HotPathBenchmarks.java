package io.gatekey.domain.bench;

import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.accesskey.KeyOwner;
import io.gatekey.domain.accesskey.SecretKey;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.mfa.MfaCheck;
import io.gatekey.domain.mfa.MfaDevice;
import io.gatekey.domain.mfa.MfaDeviceName;
import io.gatekey.domain.mfa.MfaDeviceType;
import io.gatekey.domain.mfa.Totp;
import io.gatekey.domain.mfa.TotpParameters;
import io.gatekey.domain.mfa.TotpSeed;
import io.gatekey.domain.secret.AesGcmSealer;
import io.gatekey.domain.secret.MasterKey;
import io.gatekey.domain.secret.SealedSecret;
import io.gatekey.domain.signature.Authentication;
import io.gatekey.domain.signature.ClockSkewPolicy;
import io.gatekey.domain.signature.RequestVerifier;
import io.gatekey.domain.signature.SessionTokenRule;
import io.gatekey.domain.signature.SignatureAlgorithm;
import io.gatekey.domain.signature.SignedRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The work every request does in the domain: checking one TOTP code (three steps, each compared in constant time),
 * verifying a request signature, and opening a sealed secret. Run with {@code scripts/bench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HotPathBenchmarks {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:10Z");

    private MfaDevice device;
    private String code;
    private AccessKey key;
    private SignedRequest request;
    private AesGcmSealer sealer;
    private SealedSecret sealed;
    private final byte[] place = "access_key/GKAK/secret".getBytes(StandardCharsets.US_ASCII);

    @Setup
    public void setUp() {
        SecureRandom random = new SecureRandom();
        byte[] seedBytes = new byte[20];
        random.nextBytes(seedBytes);
        TotpSeed seed = TotpSeed.of(seedBytes);
        device = MfaDevice.create(new AccountId("acct"), new SubAccountId("user"), new MfaDeviceName("phone"), MfaDeviceType.VIRTUAL,
                seed, TotpParameters.DEFAULT, NOW).enabled(new MfaCheck.Accepted(Totp.stepAt(NOW, 30) - 5, 0), NOW);
        code = Totp.code(seed, TotpParameters.DEFAULT, Totp.stepAt(NOW, 30) + 1);

        key = AccessKey.create(new AccessKeyId("GKAKBENCHBENCHBENCH1"), KeyOwner.admin(new AccountId("acct")),
                SecretKey.of("0123456789abcdefghijklmnopqrstuvwxyzABCD"), NOW);
        String message = "POST /api/v1/credentials\n" + NOW.toEpochMilli() + "\n" + key.id();
        request = new SignedRequest(key.id(), NOW, message, SignatureAlgorithm.HMAC_SHA256,
                SignatureAlgorithm.HMAC_SHA256.sign(key.secret().bytes(), message), Optional.empty(), SessionTokenRule.NOT_SENT, ClockSkewPolicy.NCP);

        byte[] masterKey = new byte[32];
        random.nextBytes(masterKey);
        sealer = new AesGcmSealer(List.of(new MasterKey(1, masterKey)), random);
        sealed = sealer.seal("0123456789abcdefghijklmnopqrstuvwxyzABCD".getBytes(StandardCharsets.US_ASCII), place);
    }

    @Benchmark
    public MfaCheck checkTotpCode() {
        return device.check(code, NOW);
    }

    /**
     * The floor the TOTP check is measured against: a kept {@code Mac} per thread, all three steps computed, a
     * branch-free compare, nothing else (no device, no window bookkeeping).
     */
    @Benchmark
    public int totpFloorKeptMac(FloorState floor) throws Exception {
        long step = Totp.stepAt(NOW, 30);
        int offered = Integer.parseInt(code);
        int matches = 0;
        for (int i = -1; i <= 1; i++) {
            byte[] counter = floor.counter;
            long value = step + i;
            for (int b = 7; b >= 0; b--) {
                counter[b] = (byte) value;
                value >>>= 8;
            }
            floor.mac.update(counter);
            floor.mac.doFinal(floor.hash, 0);
            byte[] hash = floor.hash;
            int offset = hash[19] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            int difference = (binary % 1_000_000) ^ offered;
            matches |= (((difference | -difference) >>> 31) ^ 1) << (i + 1);
        }
        return matches;
    }

    /** Per thread: the kept Mac, keyed once, and its buffers. */
    @State(Scope.Thread)
    public static class FloorState {
        javax.crypto.Mac mac;
        final byte[] counter = new byte[8];
        final byte[] hash = new byte[20];

        @Setup
        public void setUp() throws Exception {
            mac = javax.crypto.Mac.getInstance("HmacSHA1");
            mac.init(new javax.crypto.spec.SecretKeySpec(new byte[20], "HmacSHA1"));
        }
    }

    @Benchmark
    public Authentication verifySignedRequest() {
        return RequestVerifier.verify(request, key, true, NOW);
    }

    @Benchmark
    public byte[] openSealedSecret() {
        return sealer.open(sealed, place);
    }
}
