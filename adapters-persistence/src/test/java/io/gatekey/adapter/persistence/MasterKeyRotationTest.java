package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.application.service.GatekeyPorts;
import io.gatekey.application.testing.World;
import io.gatekey.domain.credential.TemporaryCredential;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
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
            assertEquals(6, countRowsOfVersion(both, 1));
            // Every node knows both versions; the new one seals. Re-sealing runs in batches of two.
            int resealed = both.context.getBean(MasterKeyRotation.class).resealAll(2);
            assertEquals(6, resealed);
            assertEquals(0, countRowsOfVersion(both, 1));
            assertEquals(6, countRowsOfVersion(both, 2));
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
            assertEquals(0, countRowsOfVersion(store, 2));
            assertEquals(4, countRowsOfVersion(store, 1));
        }
    }

    private static int countRowsOfVersion(TestStore store, int version) throws Exception {
        DataSource dataSource = DelegatingDataSource.unwrapDataSource(store.context.getBean(DataSource.class));
        int count = 0;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : new String[] {"access_key", "mfa_device", "temporary_credential"}) {
                try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE key_version = " + version)) {
                    rs.next();
                    count += rs.getInt(1);
                }
            }
        }
        return count;
    }
}
