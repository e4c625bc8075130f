package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.application.service.GatekeyPorts;
import io.gatekey.application.testing.World;
import io.gatekey.domain.credential.TemporaryCredential;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rotation: a second key version is added, rows are re-sealed while readable, and the old key can then go. */
class MasterKeyRotationTest {

    private static final String V1 = "1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String V2 = "2:Hx4dHBsaGRgXFhUUExIREA8ODQwLCgkIBwYFBAMCAQA=";

    @Test
    void rowsSealedUnderTheOldKeyAreResealedAndReadableUnderTheNewOneAlone() throws Exception {
        TestDatabases.Database database = TestDatabases.newH2Database();
        World world;
        World.Device device;
        TemporaryCredential credential;
        try (TestStore v1 = TestStore.open(database, Map.of("gatekey.master-key", V1))) {
            world = new World(v1::ports);
            device = world.acme.enrolledDevice("phone");
            credential = assertInstanceOf(IssueTemporaryCredentialsUseCase.Issued.class, world.acme.issueWithCode(device, device.code(1))).credential();
            for (int i = 0; i < 4; i++) {
                // Five credentials: re-sealing reads them in three batches of up to two, each from where the last ended.
                world.acme.issueAs(world.acme.userPrincipal, Optional.empty(), null);
            }
            assertTrue(v1.context.getBean(MasterKeyCanary.class).opens(), "the canary is sealed under version 1");
        }

        try (TestStore both = TestStore.open(database, Map.of("gatekey.master-key", V1 + "," + V2))) {
            MasterKeyRotation rotation = both.context.getBean(MasterKeyRotation.class);
            assertEquals(10, both.rowsSealedUnder(1));
            assertEquals(10, rotation.remaining());
            // Every node knows both versions; the new one seals. Re-sealing runs in batches of two.
            int resealed = rotation.resealAll(2);
            assertEquals(10, resealed);
            assertEquals(0, both.rowsSealedUnder(1));
            assertEquals(10, both.rowsSealedUnder(2));
            assertEquals(0, rotation.remaining());
            assertEquals(0, rotation.resealAll(2));
        }

        try (TestStore v2 = TestStore.open(database, Map.of("gatekey.master-key", V2))) {
            assertTrue(v2.context.getBean(MasterKeyCanary.class).opens(), "the canary was re-sealed with the rest");
            GatekeyPorts ports = v2.ports(world.clock);
            assertEquals(world.acme.userKey.secret().reveal(), ports.accessKeys().find(world.acme.userKey.id()).orElseThrow().secret().reveal());
            assertTrue(device.seed.sameAs(ports.mfaDevices().find(device.serial).orElseThrow().seed()));
            TemporaryCredential stored = ports.temporaryCredentials().find(credential.accessKeyId()).orElseThrow();
            assertEquals(credential.secret().reveal(), stored.secret().reveal());
            assertEquals(credential.sessionToken().reveal(), stored.sessionToken().reveal());
        }
    }

    @Test
    void aNewVersionCanBeKnownBeforeItIsActive() throws Exception {
        TestDatabases.Database database = TestDatabases.newH2Database();
        try (TestStore store = TestStore.open(database, Map.of("gatekey.master-key", V1 + "," + V2, "gatekey.master-key-active-version", 1))) {
            new World(store::ports);
            assertEquals(0, store.rowsSealedUnder(2));
            assertEquals(4, store.rowsSealedUnder(1));
        }
    }

    @Test
    void theRowsLeftToResealAreFoundThroughAnIndexNotByReadingEachTable() throws Exception {
        try (TestStore store = TestStore.open(TestDatabases.newMariaDbDatabase(), Map.of("gatekey.master-key", V1))) {
            World world = new World(store::ports);
            String subAccount = world.acme.user.id().value();
            // Enough credentials that reading the table whole would cost the optimizer more than the index.
            store.execute("INSERT INTO temporary_credential (access_key_id, account_id, sub_account_id, secret_sealed, token_sealed, key_version, "
                    + "created_ms, expires_ms, revoked, owner_bound) SELECT CONCAT('GKTK', seq), '" + world.acme.accountId.value() + "', '" + subAccount
                    + "', x'00', x'00', 1, 0, 0, FALSE, TRUE FROM seq_1_to_2000");
            for (String table : new String[] {"access_key", "mfa_device", "temporary_credential"}) {
                store.execute("ANALYZE TABLE " + table);
            }
            for (String query : List.of(SealUpgradeAtStart.ANY_UNBOUND,
                    "SELECT COUNT(*) FROM temporary_credential WHERE owner_bound = FALSE OR (owner_bound = TRUE AND key_version <> 2)")) {
                for (Map<String, String> step : store.explain(query)) {
                    assertTrue(step.get("key") != null && step.get("key").endsWith("_sealing") && !"ALL".equals(step.get("type")),
                            () -> query + ": " + step);
                }
            }
        }
    }
}
