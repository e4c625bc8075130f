package io.gatekey.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.domain.accesskey.AccessKeyId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every {@code RequestNonceRegistry} guarantees. */
public abstract class RequestNonceRegistryContract extends PortContract {

    private static final AccessKeyId KEY = new AccessKeyId("GKAKNONCENONCENONCE1");
    private static final AccessKeyId OTHER = new AccessKeyId("GKAKNONCENONCENONCE2");

    @Test
    void aNonceIsUsedOncePerKeyWhileRemembered() {
        assertTrue(ports.requestNonces().register(KEY, "12345", NOW, NOW.plusSeconds(300)));
        assertFalse(ports.requestNonces().register(KEY, "12345", NOW.plusSeconds(299), NOW.plusSeconds(599)));
        assertTrue(ports.requestNonces().register(OTHER, "12345", NOW, NOW.plusSeconds(300)));
        assertTrue(ports.requestNonces().register(KEY, "12346", NOW, NOW.plusSeconds(300)));
        // Once forgotten, a nonce may come again (its old signature is stale by then).
        assertTrue(ports.requestNonces().register(KEY, "12345", NOW.plusSeconds(300), NOW.plusSeconds(600)));
        assertFalse(ports.requestNonces().register(KEY, "12345", NOW.plusSeconds(301), NOW.plusSeconds(601)));
    }

    @Test
    void expiredNoncesArePurgedInBatches() {
        ports.requestNonces().register(KEY, "1", NOW.minusSeconds(600), NOW.minusSeconds(300));
        ports.requestNonces().register(KEY, "2", NOW.minusSeconds(600), NOW.minusSeconds(300));
        ports.requestNonces().register(KEY, "3", NOW, NOW.plusSeconds(300));
        assertEquals(1, ports.requestNonces().purgeExpired(NOW, 1));
        assertEquals(1, ports.requestNonces().purgeExpired(NOW, 1));
        assertEquals(0, ports.requestNonces().purgeExpired(NOW, 1));
        assertFalse(ports.requestNonces().register(KEY, "3", NOW, NOW.plusSeconds(300)));
    }

    @Test
    void ofConcurrentUsesOfOneNonceExactlyOneWins() throws Exception {
        int racers = 12;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> uses = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                uses.add(pool.submit(() -> {
                    start.await();
                    return ports.requestNonces().register(KEY, "777", NOW, NOW.plus(Duration.ofMinutes(5)));
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> use : uses) {
                winners += use.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
    }
}
