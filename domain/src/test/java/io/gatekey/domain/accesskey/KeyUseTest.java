package io.gatekey.domain.accesskey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A key's last use names a service and region as a signature's scope gives them, and nothing else. */
class KeyUseTest {

    @Test
    void aScopesRegionIsKeptOnlyWhenItReadsAsARegionName() {
        assertEquals(Optional.of("eu-central-1"), KeyUse.Where.scoped("sts", "eu-central-1").region());
        assertEquals(Optional.of("aws-global"), KeyUse.Where.scoped("iam", "aws-global").region());
        for (String region : new String[] {"", "EU-CENTRAL-1", "eu central", "a".repeat(33), "eu-\u00e9", "x\ny"}) {
            assertEquals(Optional.empty(), KeyUse.Where.scoped("sts", region).region(), region);
        }
        assertEquals(Optional.empty(), KeyUse.Where.service("ncp").region());
    }

    @Test
    void aUseGivesWayOnlyToALaterOne() {
        KeyUse first = new KeyUse(Instant.parse("2026-12-08T01:00:00Z"), Optional.of(KeyUse.Where.service("ncp")));
        KeyUse sameTime = new KeyUse(first.at(), Optional.of(KeyUse.Where.service("huawei")));
        KeyUse later = new KeyUse(first.at().plusMillis(1), Optional.empty());
        assertEquals(later, first.orLater(later));
        assertEquals(later, later.orLater(first));
        assertEquals(first, first.orLater(sameTime));
    }

    @Test
    void aServiceIsANameOfLowercaseLettersDigitsAndDashes() {
        for (String service : new String[] {"", "STS", "s t s", "a".repeat(33)}) {
            assertThrows(IllegalArgumentException.class, () -> KeyUse.Where.service(service), service);
        }
        assertThrows(IllegalArgumentException.class, () -> new KeyUse.Where("sts", Optional.of("Bad Region")));
    }
}
