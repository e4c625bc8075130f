package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatekey.application.service.GatekeyPorts;
import io.gatekey.domain.accesskey.AccessKeyId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The purge of expired nonces on MariaDB locks the rows it deletes and no others: issuances inserting nonces meanwhile go on. */
class RequestNoncePurgeTest {

    private static final AccessKeyId KEY = new AccessKeyId("GKAKPURGEPURGEPURGE1");

    @Test
    void aPurgeDoesNotWaitForANonceBeingInserted() throws Exception {
        try (TestStore store = TestStore.open(TestDatabases.newMariaDbDatabase(), Map.of())) {
            GatekeyPorts ports = store.ports(Clock.systemUTC());
            Instant now = Instant.parse("2026-12-06T00:00:00Z");
            for (int n = 0; n < 3; n++) {
                ports.requestNonces().register(KEY, "expired-" + n, now.minusSeconds(600), now.minusSeconds(300));
            }
            ports.requestNonces().register(KEY, "live", now, now.plusSeconds(300));
            ExecutorService purging = Executors.newSingleThreadExecutor();
            try (Connection issuance = DriverManager.getConnection(store.database.url(), store.database.user(), store.database.password())) {
                // Another node's issuance has inserted its nonce and not yet committed.
                issuance.setAutoCommit(false);
                try (PreparedStatement insert = issuance.prepareStatement("INSERT INTO request_nonce (access_key_id, nonce, expires_ms) VALUES (?, ?, ?)")) {
                    insert.setString(1, KEY.value());
                    insert.setString(2, "in-flight");
                    insert.setLong(3, now.plusSeconds(300).toEpochMilli());
                    insert.executeUpdate();
                }
                // Done while that insert is open: a purge that scanned the table would wait for its row.
                assertEquals(3, purging.submit(() -> ports.requestNonces().purgeExpired(now, 100)).get(10, TimeUnit.SECONDS));
                issuance.commit();
            } finally {
                purging.shutdownNow();
            }
            assertEquals(2, store.count("SELECT COUNT(*) FROM request_nonce"));
            assertEquals(0, store.count("SELECT COUNT(*) FROM request_nonce WHERE nonce LIKE 'expired-%'"));
        }
    }
}
