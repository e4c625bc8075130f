package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.application.service.GatekeyPorts;
import io.gatekey.application.testing.World;
import io.gatekey.domain.credential.TemporaryCredential;
import java.util.Map;
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
            assertTrue(v1.context.getBean(MasterKeyCanary.class).opens(), "the canary is sealed under version 1");
        }

        try (TestStore both = TestStore.open(database, Map.of("gatekey.master-key", V1 + "," + V2))) {
            assertEquals(6, both.rowsSealedUnder(1));
            // Every node knows both versions; the new one seals. Re-sealing runs in batches of two.
            int resealed = both.context.getBean(MasterKeyRotation.class).resealAll(2);
            assertEquals(6, resealed);
            assertEquals(0, both.rowsSealedUnder(1));
            assertEquals(6, both.rowsSealedUnder(2));
            assertEquals(0, both.context.getBean(MasterKeyRotation.class).resealAll(2));
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
}
