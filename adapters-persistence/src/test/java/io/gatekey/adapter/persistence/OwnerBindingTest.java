package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.port.out.SecretSealer;
import io.gatekey.application.service.GatekeyPorts;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.accesskey.KeyOwner;
import io.gatekey.domain.accesskey.SecretKey;
import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.AccountName;
import io.gatekey.domain.secret.SealedSecret;
import io.gatekey.domain.secret.SecretIntegrityException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Sealed values name their owner: a row moved to another account no longer opens, and old rows are re-sealed at start. */
class OwnerBindingTest {

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    @Test
    void aKeyMovedToAnotherAccountByAnUpdateDoesNotOpen() {
        TestStore store = TestStore.h2();
        GatekeyPorts ports = store.ports(Clock.systemUTC());
        Account mine = Account.create(AccountId.fromRandom(random(16)), new AccountName("Mine"), Instant.now());
        Account victim = Account.create(AccountId.fromRandom(random(16)), new AccountName("Victim"), Instant.now());
        ports.accounts().add(mine);
        ports.accounts().add(victim);
        AccessKey key = AccessKey.create(AccessKeyId.longTerm(random(10)), KeyOwner.admin(mine.id()), SecretKey.fromRandom(random(30)), Instant.now());
        ports.accessKeys().addWithinLimit(key, 2);

        store.execute("UPDATE access_key SET account_id = '" + victim.id().value() + "' WHERE id = '" + key.id().value() + "'");
        assertThrows(SecretIntegrityException.class, () -> ports.accessKeys().find(key.id()));
        store.execute("UPDATE access_key SET account_id = '" + mine.id().value() + "' WHERE id = '" + key.id().value() + "'");
        assertEquals(key.owner(), ports.accessKeys().find(key.id()).orElseThrow().owner());
    }

    @Test
    void rowsSealedBeforeOwnerBindingAreResealedWhenTheServerStartsAndRefusedUntilThen() {
        TestDatabases.Database database = TestDatabases.newH2Database();
        Flyway.configure().dataSource(database.url(), database.user(), database.password()).locations(SchemaMigrations.LOCATION)
                .target("2").load().migrate();
        String accountId = "acct" + System.nanoTime();
        String keyId = AccessKeyId.longTerm(random(10)).value();
        byte[] secret = random(30);
        try (TestStore old = TestStore.open(database, Map.of("gatekey.database.migrate-at-start", false))) {
            SealedSecret legacy = old.context.getBean(SecretSealer.class).seal(secret, ("access_key/" + keyId + "/secret").getBytes(StandardCharsets.UTF_8));
            old.execute("INSERT INTO account (id, name, login_alias, created_ms) VALUES ('" + accountId + "', 'Old', NULL, 1)");
            old.execute("INSERT INTO access_key (id, account_id, sub_account_id, secret_sealed, key_version, active, created_ms, last_used_ms) "
                    + "VALUES ('" + keyId + "', '" + accountId + "', NULL, X'" + java.util.HexFormat.of().formatHex(legacy.sealed()) + "', "
                    + legacy.keyVersion() + ", TRUE, 1, NULL)");
        }
        try (TestStore upgraded = TestStore.open(database, Map.of())) {
            GatekeyPorts ports = upgraded.ports(Clock.systemUTC());
            AccessKey found = ports.accessKeys().find(new AccessKeyId(keyId)).orElseThrow();
            assertEquals(SecretKey.fromBytes(secret).reveal(), found.secret().reveal());
            // Flagged as sealed the old way again (say by someone with write access): it does not open.
            upgraded.execute("UPDATE access_key SET owner_bound = FALSE WHERE id = '" + keyId + "'");
            SecretIntegrityException refused = assertThrows(SecretIntegrityException.class, () -> ports.accessKeys().find(new AccessKeyId(keyId)));
            assertTrue(refused.getMessage().contains("gatekey db migrate"));
        }
    }
}
