package io.gatekey.adapter.persistence;

import io.gatekey.application.port.out.ConsoleSessionRepository;
import io.gatekey.application.port.out.RequestNonceRegistry;
import io.gatekey.application.port.out.StorageUnavailableException;
import io.gatekey.application.port.out.TemporaryCredentialRepository;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes temporary credentials some time after they expired, batch by batch (until then an expired key is still
 * recognised, so its holder is told "expired" rather than "unknown"), forgets request nonces that can no
 * longer be replayed, and removes console sessions past their idle or absolute timeout.
 */
@Singleton
@Requires(property = "gatekey.purge.enabled", notEquals = "false")
public class ExpiredCredentialPurge {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiredCredentialPurge.class);

    private final TemporaryCredentialRepository credentials;
    private final RequestNonceRegistry nonces;
    private final ConsoleSessionRepository sessions;
    private final Clock clock;
    private final Duration retention;
    private final int batchSize;
    private final Duration sessionIdle;
    private final Duration sessionLifetime;

    ExpiredCredentialPurge(TemporaryCredentialRepository credentials, RequestNonceRegistry nonces, ConsoleSessionRepository sessions, Clock clock,
                           @Value("${gatekey.purge.retention:1d}") Duration retention,
                           @Value("${gatekey.purge.batch-size:500}") int batchSize,
                           @Value("${gatekey.console.idle-timeout:15m}") Duration sessionIdle,
                           @Value("${gatekey.console.absolute-timeout:8h}") Duration sessionLifetime) {
        this.credentials = credentials;
        this.nonces = nonces;
        this.sessions = sessions;
        this.sessionIdle = sessionIdle;
        this.sessionLifetime = sessionLifetime;
        this.clock = clock;
        this.retention = retention;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelay = "${gatekey.purge.interval:5m}", initialDelay = "${gatekey.purge.initial-delay:1m}")
    void scheduledPurge() {
        try {
            int purged = purge();
            if (purged > 0) {
                LOG.info("Purged {} temporary credentials expired for more than {}", purged, retention);
            }
        } catch (StorageUnavailableException e) {
            LOG.warn("Purge of expired credentials skipped: {}", e.getMessage());
        }
    }

    /** Purges everything due; returns how many credentials were deleted. */
    public int purge() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(retention);
        int total = 0;
        int batch;
        do {
            batch = credentials.purgeExpired(cutoff, batchSize);
            total += batch;
        } while (batch == batchSize);
        do {
            batch = nonces.purgeExpired(now, batchSize);
        } while (batch == batchSize);
        do {
            batch = sessions.purgeExpired(now.minus(sessionIdle), now.minus(sessionLifetime), batchSize);
        } while (batch == batchSize);
        return total;
    }
}
