package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.contract.PortContract;
import io.gatekey.application.service.GatekeyPorts;
import io.gatekey.application.testing.MutableClock;
import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.credential.TemporaryCredential;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpiredCredentialPurgeTest extends PortContract {

    @Override
    protected GatekeyPorts newPorts() {
        return TestStore.h2().ports(Clock.systemUTC());
    }

    @Test
    void credentialsExpiredLongerThanTheRetentionAreDeletedInBatches() {
        Account account = newAccount();
        SubAccount user = newSubAccount(account, "alice");
        for (int i = 0; i < 5; i++) {
            newCredential(user, NOW.minus(Duration.ofDays(3)), Duration.ofHours(1), Optional.empty());
        }
        TemporaryCredential recentlyExpired = newCredential(user, NOW.minus(Duration.ofHours(2)), Duration.ofHours(1), Optional.empty());
        TemporaryCredential live = newCredential(user, NOW, Duration.ofHours(1), Optional.empty());

        ExpiredCredentialPurge purge = new ExpiredCredentialPurge(ports.temporaryCredentials(), ports.requestNonces(), ports.consoleSessions(), new MutableClock(NOW),
                Duration.ofDays(1), 2, Duration.ofMinutes(15), Duration.ofHours(8));

        assertEquals(5, purge.purge());
        assertEquals(0, purge.purge());
        assertTrue(ports.temporaryCredentials().find(recentlyExpired.accessKeyId()).isPresent());
        assertTrue(ports.temporaryCredentials().find(live.accessKeyId()).isPresent());
    }
}
