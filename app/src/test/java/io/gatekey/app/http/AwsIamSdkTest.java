package io.gatekey.app.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.domain.mfa.Totp;
import io.gatekey.domain.mfa.TotpParameters;
import io.gatekey.domain.mfa.TotpSeed;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The whole flow of the AWS door with AWS's own SDK for Java v2, as an account's root (its admin key) and a user:
 * create a user and its key, create and enable a virtual device with codes from the returned seed, GetSessionToken
 * with a fresh code, the temporary credentials for GetCallerIdentity, the code replayed, list, deactivate, delete.
 */
class AwsIamSdkTest {

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>, C> C client(B builder, TestServer server,
                                                                                                                   AwsCredentials credentials) {
        return builder.endpointOverride(URI.create(server.uri("").toString())).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
    }

    private static IamClient iam(TestServer server, AwsCredentials credentials) {
        return client(IamClient.builder().httpClient(UrlConnectionHttpClient.create()), server, credentials);
    }

    private static StsClient sts(TestServer server, AwsCredentials credentials) {
        return client(StsClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1), server, credentials);
    }

    private static String code(TestServer server, TotpSeed seed, int offset) {
        return Totp.code(seed, TotpParameters.DEFAULT, Totp.stepAt(server.clock.instant(), 30) + offset);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void aUserItsKeyAndItsVirtualDeviceFromCreationToDeletion(String database) {
        try (TestServer server = TestServer.on(database, Map.of())) {
            server.clock.set(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
            NcpFixture acme = new NcpFixture(server, "Acme");
            String account = acme.accountId.value();
            try (IamClient root = iam(server, AwsBasicCredentials.create(acme.adminKey.id().value(), acme.adminKey.secret().reveal()))) {
                var bob = root.createUser(r -> r.userName("bob")).user();
                assertEquals("arn:aws:iam::" + account + ":user/bob", bob.arn());
                assertEquals("bob", root.getUser(r -> r.userName("bob")).user().userName());
                assertTrue(root.listUsers().users().stream().anyMatch(u -> u.userName().equals("alice")));
                IamException taken = assertThrows(IamException.class, () -> root.createUser(r -> r.userName("bob")));
                assertEquals(409, taken.statusCode());
                assertEquals("EntityAlreadyExists", taken.awsErrorDetails().errorCode());

                AccessKey key = root.createAccessKey(r -> r.userName("bob")).accessKey();
                assertEquals(StatusType.ACTIVE, key.status());
                assertEquals(1, root.listAccessKeys(r -> r.userName("bob")).accessKeyMetadata().size());

                VirtualMFADevice device = root.createVirtualMFADevice(r -> r.virtualMFADeviceName("bob")).virtualMFADevice();
                assertEquals("arn:aws:iam::" + account + ":mfa/bob", device.serialNumber());
                TotpSeed seed = TotpSeed.fromBase32(device.base32StringSeed().asUtf8String());
                assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(device.qrCodePNG().asByteArray(), 4));
                IamException wrongCodes = assertThrows(IamException.class, () -> root.enableMFADevice(r -> r.userName("bob")
                        .serialNumber(device.serialNumber()).authenticationCode1("000000").authenticationCode2("000001")));
                assertEquals(403, wrongCodes.statusCode());
                assertEquals("InvalidAuthenticationCode", wrongCodes.awsErrorDetails().errorCode());
                root.enableMFADevice(r -> r.userName("bob").serialNumber(device.serialNumber())
                        .authenticationCode1(code(server, seed, -1)).authenticationCode2(code(server, seed, 0)));
                assertEquals(device.serialNumber(), root.listMFADevices(r -> r.userName("bob")).mfaDevices().get(0).serialNumber());

                AwsCredentials bobsKey = AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
                try (StsClient asBob = sts(server, bobsKey)) {
                    String fresh = code(server, seed, 1);
                    Credentials session = asBob.getSessionToken(r -> r.serialNumber(device.serialNumber()).tokenCode(fresh)).credentials();
                    try (StsClient temporary = sts(server, AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(),
                            session.sessionToken()))) {
                        assertEquals(bob.arn(), temporary.getCallerIdentity().arn());
                    }
                    StsException replayed = assertThrows(StsException.class,
                            () -> asBob.getSessionToken(r -> r.serialNumber(device.serialNumber()).tokenCode(fresh)));
                    assertEquals("AccessDenied", replayed.awsErrorDetails().errorCode());
                }
                try (IamClient asBob = iam(server, bobsKey)) {
                    assertEquals("bob", asBob.getUser().user().userName(), "a user reads itself without naming itself");
                }
                server.clock.advance(java.time.Duration.ofSeconds(90));
                IamException staleCodes = assertThrows(IamException.class, () -> root.resyncMFADevice(r -> r.userName("bob")
                        .serialNumber(device.serialNumber()).authenticationCode1("123456").authenticationCode2("654321")));
                assertEquals("InvalidAuthenticationCode", staleCodes.awsErrorDetails().errorCode());
                root.resyncMFADevice(r -> r.userName("bob").serialNumber(device.serialNumber())
                        .authenticationCode1(code(server, seed, 0)).authenticationCode2(code(server, seed, 1)));
                try (StsClient asBob = sts(server, bobsKey)) {
                    StsException usedByResync = assertThrows(StsException.class,
                            () -> asBob.getSessionToken(r -> r.serialNumber(device.serialNumber()).tokenCode(code(server, seed, 1))));
                    assertEquals("AccessDenied", usedByResync.awsErrorDetails().errorCode(), "the resync claimed its second code");
                }

                root.deactivateMFADevice(r -> r.userName("bob").serialNumber(device.serialNumber()));
                assertEquals(0, root.listMFADevices(r -> r.userName("bob")).mfaDevices().size());
                assertEquals(1, root.listVirtualMFADevices().virtualMFADevices().stream().filter(d -> d.serialNumber().equals(device.serialNumber())).count());
                root.deleteVirtualMFADevice(r -> r.serialNumber(device.serialNumber()));
                assertEquals(0, root.listVirtualMFADevices().virtualMFADevices().stream().filter(d -> d.serialNumber().equals(device.serialNumber())).count());

                root.updateAccessKey(r -> r.userName("bob").accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));
                try (StsClient asBob = sts(server, bobsKey)) {
                    StsException inactive = assertThrows(StsException.class, asBob::getCallerIdentity);
                    assertEquals("InvalidClientTokenId", inactive.awsErrorDetails().errorCode());
                }
                root.deleteAccessKey(r -> r.userName("bob").accessKeyId(key.accessKeyId()));
                assertEquals(0, root.listAccessKeys(r -> r.userName("bob")).accessKeyMetadata().size());
                root.deleteUser(r -> r.userName("bob"));
                IamException gone = assertThrows(IamException.class, () -> root.getUser(r -> r.userName("bob")));
                assertEquals(404, gone.statusCode());
                assertEquals("NoSuchEntity", gone.awsErrorDetails().errorCode());
                IamException impossible = assertThrows(IamException.class, () -> root.getUser(r -> r.userName("bob+ops")));
                assertEquals("NoSuchEntity", impossible.awsErrorDetails().errorCode(), "a name AWS allows and Gatekey cannot hold");
            }
        }
    }
}
