package io.gatekey.adapter.persistence;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the server migrates its schema at start, it also re-seals the rows sealed before sealed values were bound
 * to their owner, so every stored secret opens only for its owner before the first request is served. Several nodes
 * starting at once are safe: each row's re-seal is a conditional update.
 */
@Singleton
@Requires(property = MigrateAtStart.PROPERTY, value = "true")
final class SealUpgradeAtStart {

    private static final Logger LOG = LoggerFactory.getLogger(SealUpgradeAtStart.class);

    private final MasterKeyRotation rotation;

    SealUpgradeAtStart(MasterKeyRotation rotation) {
        this.rotation = rotation;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        int resealed = rotation.resealOwnerUnbound(500);
        if (resealed > 0) {
            LOG.info("Re-sealed {} stored secrets so that each opens only for its owner", resealed);
        }
    }
}
