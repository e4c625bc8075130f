package io.gatekey.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.port.in.accesskey.CreateAccessKeyUseCase;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.KeyOwner;
import io.gatekey.domain.mfa.Totp;
import io.gatekey.domain.mfa.TotpParameters;
import io.gatekey.domain.mfa.TotpSeed;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.AssignmentStatusType;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

/**
 * IAM's list actions over the AWS door as AWS's SDK pages them (MaxItems, Marker, IsTruncated), their filters
 * (ListUsers' PathPrefix, ListVirtualMFADevices' AssignmentStatus), and what a new user or device cannot keep here
 * (a path other than /, tags, a permissions boundary) refused before anything is created; DeleteUser refused while
 * the user has access keys or an enabled device, as IAM refuses it; a device in the wrong state refused with IAM's
 * code for it; a user's last console sign-in as its PasswordLastUsed.
 */
class AwsIamRulesTest {

    private static IamClient iam(TestServer server, NcpFixture tenant) {
        return iam(server, AwsBasicCredentials.create(tenant.adminKey.id().value(), tenant.adminKey.secret().reveal()));
    }

    private static IamClient iam(TestServer server, AwsCredentials credentials) {
        return IamClient.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(URI.create(server.uri("").toString()))
                .region(Region.AWS_GLOBAL).credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
    }

    /**
     * Without a UserName, the admin key's actions on access keys are the root's own, as IAM lets its root manage its
     * keys: listed with no user name, deactivated, deleted; made only by the operator, so a stolen admin key cannot plant
     * a second; a user's keys stay apart. GetUser answers the root, ListMFADevices its devices: none here.
     */
    @Test
    void theRootManagesItsOwnKeysWithoutAUserName() throws Exception {
        try (TestServer server = TestServer.on("h2", Map.of())) {
            server.clock.set(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
            NcpFixture acme = new NcpFixture(server, "Acme");
            String adminKey = acme.adminKey.id().value();
            try (IamClient root = iam(server, acme)) {
                root.createUser(r -> r.userName("bob"));
                root.createAccessKey(r -> r.userName("bob"));
                var own = root.listAccessKeys().accessKeyMetadata();
                assertEquals(List.of(adminKey), own.stream().map(AccessKeyMetadata::accessKeyId).toList(), "the root's keys, not bob's");
                assertNull(own.get(0).userName());
                assertEquals(StatusType.ACTIVE, own.get(0).status());

                // As a user's key cannot, the admin key cannot plant a second: the operator makes the admin's keys.
                assertRefused(403, "AccessDenied", "only the operator makes a key for the account's admin: a signed request cannot plant a second one",
                        () -> root.createAccessKey());
                var second = server.useCases.createAccessKey().create(new CreateAccessKeyUseCase.Command(new Principal.Operator(),
                        KeyOwner.admin(acme.accountId)));
                String secondId = second.id().value();
                assertEquals(List.of(adminKey, secondId).stream().sorted().toList(),
                        root.listAccessKeys().accessKeyMetadata().stream().map(AccessKeyMetadata::accessKeyId).sorted().toList());
                try (IamClient withSecond = iam(server, AwsBasicCredentials.create(secondId, second.secret().reveal()))) {
                    assertEquals(2, withSecond.listAccessKeys().accessKeyMetadata().size(), "the second key signs as the root");

                    root.updateAccessKey(r -> r.accessKeyId(secondId).status(StatusType.INACTIVE));
                    assertEquals(Map.of(adminKey, StatusType.ACTIVE, secondId, StatusType.INACTIVE), root.listAccessKeys().accessKeyMetadata()
                            .stream().collect(java.util.stream.Collectors.toMap(AccessKeyMetadata::accessKeyId, AccessKeyMetadata::status)));
                    IamException inactive = assertThrows(IamException.class, withSecond::listAccessKeys);
                    assertEquals(403, inactive.statusCode());
                }
                root.deleteAccessKey(r -> r.accessKeyId(secondId));
                assertEquals(List.of(adminKey), root.listAccessKeys().accessKeyMetadata().stream().map(AccessKeyMetadata::accessKeyId).toList());
                assertRefused(404, "NoSuchEntity", "The Access Key with id " + secondId + " cannot be found.",
                        () -> root.deleteAccessKey(r -> r.accessKeyId(secondId)));
                assertEquals(1, root.listAccessKeys(r -> r.userName("bob")).accessKeyMetadata().size(), "bob's keys are as they were");
                User self = root.getUser().user();
                assertEquals(acme.accountId.value(), self.userId());
                assertEquals("arn:aws:iam::" + acme.accountId.value() + ":root", self.arn());
                assertNull(self.userName());
                assertNull(self.path());
                assertEquals(server.clock.instant(), self.createDate(), "the account's creation");
                assertEquals("bob", root.getUser(r -> r.userName("bob")).user().userName());
                assertEquals(List.of(), root.listMFADevices().mfaDevices(), "the root has no device of its own here");
                assertFalse(root.listMFADevices().isTruncated());
            }

            String result = listAccessKeysResult(server, acme, Map.of());
            assertTrue(result.matches("<AccessKeyMetadata><member><AccessKeyId>" + adminKey
                    + "</AccessKeyId><Status>Active</Status><CreateDate>[0-9T:-]+Z</CreateDate></member></AccessKeyMetadata>"
                    + "<IsTruncated>false</IsTruncated>"), result);
        }
    }

    /**
     * GetAccessKeyLastUsed: the key's user, and the time, service and region of its last use once it has signed a
     * request (a door whose signature names no region: N/A, as IAM says of what it has no record of).
     */
    @Test
    void getAccessKeyLastUsedTellsWhenTheKeyLastSigned() throws Exception {
        try (TestServer server = TestServer.on("h2", Map.of())) {
            server.clock.set(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
            NcpFixture acme = new NcpFixture(server, "Acme");
            try (IamClient root = iam(server, acme)) {
                root.createUser(r -> r.userName("bob"));
                var key = root.createAccessKey(r -> r.userName("bob")).accessKey();
                var never = root.getAccessKeyLastUsed(r -> r.accessKeyId(key.accessKeyId()));
                assertEquals("bob", never.userName());
                assertNull(never.accessKeyLastUsed().lastUsedDate(), "not used yet");
                assertEquals("N/A", never.accessKeyLastUsed().serviceName());
                assertEquals("N/A", never.accessKeyLastUsed().region());

                Instant signed = server.clock.instant();
                try (IamClient bob = iam(server, AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))) {
                    // Bob may not list keys, but his key signed the request.
                    assertThrows(IamException.class, () -> bob.listAccessKeys(r -> r.userName("bob")));
                }
                var lastUsed = root.getAccessKeyLastUsed(r -> r.accessKeyId(key.accessKeyId())).accessKeyLastUsed();
                assertEquals(signed, lastUsed.lastUsedDate());
                // The service and region its signature's scope named: the SDK's global region, with its endpoint overridden.
                assertEquals("iam", lastUsed.serviceName());
                assertEquals("aws-global", lastUsed.region());
                // Within the same minute, a use through another door is a new last use.
                server.clock.advance(Duration.ofSeconds(20));
                assertEquals(200, new NcpClient(server, key.accessKeyId(), key.secretAccessKey()).send("GET", "/api/v1/credentials", null).statusCode());
                var ncp = root.getAccessKeyLastUsed(r -> r.accessKeyId(key.accessKeyId())).accessKeyLastUsed();
                assertEquals(signed.plusSeconds(20), ncp.lastUsedDate());
                assertEquals("ncp", ncp.serviceName());
                assertEquals("N/A", ncp.region());
                assertNull(root.getAccessKeyLastUsed(r -> r.accessKeyId(acme.adminKey.id().value())).userName(), "the root's key has no user");

                assertRefused(404, "NoSuchEntity", "The Access Key with id GKAKMISSINGMISSINGMI cannot be found.",
                        () -> root.getAccessKeyLastUsed(r -> r.accessKeyId("GKAKMISSINGMISSINGMI")));
                NcpFixture globex = new NcpFixture(server, "Globex");
                assertRefused(404, "NoSuchEntity", "The Access Key with id " + globex.userKey.id().value() + " cannot be found.",
                        () -> root.getAccessKeyLastUsed(r -> r.accessKeyId(globex.userKey.id().value())));
            }
        }
    }

    /** The XML the SDKs read: a ListAccessKeys result holds the keys, each with its user, and no user of its own. */
    @Test
    void listAccessKeysAnswersIamsResultAsItIs() throws Exception {
        try (TestServer server = TestServer.on("h2", Map.of())) {
            server.clock.set(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
            NcpFixture acme = new NcpFixture(server, "Acme");
            String keyId;
            try (IamClient root = iam(server, acme)) {
                root.createUser(r -> r.userName("bob"));
                keyId = root.createAccessKey(r -> r.userName("bob")).accessKey().accessKeyId();
            }
            String result = listAccessKeysResult(server, acme, Map.of("UserName", "bob"));
            assertTrue(result.matches("<AccessKeyMetadata><member><UserName>bob</UserName><AccessKeyId>" + keyId
                    + "</AccessKeyId><Status>Active</Status><CreateDate>[0-9T:-]+Z</CreateDate></member></AccessKeyMetadata>"
                    + "<IsTruncated>false</IsTruncated>"), result);
        }
    }

    @Test
    void listsComeInPagesOfMaxItemsThatTheSdksPaginatorsWalkToTheEnd() {
        try (TestServer server = TestServer.on("h2", Map.of()); IamClient root = iam(server, new NcpFixture(server, "Acme"))) {
            for (String name : List.of("erin", "bob", "dave", "carol")) {
                root.createUser(r -> r.userName(name));
            }
            List<String> all = List.of("alice", "bob", "carol", "dave", "erin");

            ListUsersResponse first = root.listUsers(r -> r.maxItems(2));
            assertEquals(List.of("alice", "bob"), names(first.users()));
            assertTrue(first.isTruncated());
            ListUsersResponse second = root.listUsers(r -> r.maxItems(2).marker(first.marker()));
            assertEquals(List.of("carol", "dave"), names(second.users()));
            root.deleteUser(r -> r.userName("dave"));
            ListUsersResponse last = root.listUsers(r -> r.maxItems(2).marker(second.marker()));
            assertEquals(List.of("erin"), names(last.users()), "a marker still holds once the item it names is gone");
            assertFalse(last.isTruncated());
            assertNull(last.marker());

            root.createUser(r -> r.userName("dave"));
            assertEquals(all, root.listUsersPaginator(r -> r.maxItems(2)).users().stream().map(User::userName).toList());
            assertEquals(all, names(root.listUsers().users()), "one page of up to 100 by default");
            assertFalse(root.listUsers().isTruncated());

            List<String> serials = List.of("bob", "carol", "dave").stream()
                    .map(name -> root.createVirtualMFADevice(r -> r.virtualMFADeviceName(name)).virtualMFADevice().serialNumber()).toList();
            List<String> paged = root.listVirtualMFADevicesPaginator(r -> r.maxItems(1)).virtualMFADevices().stream()
                    .map(VirtualMFADevice::serialNumber).toList();
            assertEquals(4, paged.size(), paged.toString());
            assertTrue(paged.containsAll(serials), paged.toString());
            assertEquals(paged.stream().sorted().toList(), paged, "in one order, so that pages neither repeat nor skip");

            String older = root.createAccessKey(r -> r.userName("bob")).accessKey().accessKeyId();
            root.createAccessKey(r -> r.userName("bob"));
            root.updateAccessKey(r -> r.userName("bob").accessKeyId(older).status(StatusType.INACTIVE));
            assertRefused(409, "LimitExceeded", "Cannot exceed quota for AccessKeysPerUser: 2", () -> root.createAccessKey(r -> r.userName("bob")));
            var keys = root.listAccessKeys(r -> r.userName("bob").maxItems(1));
            assertEquals(1, keys.accessKeyMetadata().size());
            assertTrue(keys.isTruncated());
            assertEquals(2, root.listAccessKeysPaginator(r -> r.userName("bob").maxItems(1)).accessKeyMetadata().stream().count());
        }
    }

    @Test
    void listVirtualMfaDevicesFiltersByAssignmentAsAwsDoes() {
        try (TestServer server = TestServer.on("h2", Map.of())) {
            server.clock.set(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
            NcpFixture acme = new NcpFixture(server, "Acme");
            try (IamClient root = iam(server, acme)) {
                root.createUser(r -> r.userName("bob"));
                root.createUser(r -> r.userName("carol"));
                VirtualMFADevice bobs = enabledDevice(root, server, "bob");
                VirtualMFADevice carols = root.createVirtualMFADevice(r -> r.virtualMFADeviceName("carol")).virtualMFADevice();
                String alices = "arn:aws:iam::" + acme.accountId.value() + ":mfa/phone";

                Function<AssignmentStatusType, List<String>> listed = status -> root.listVirtualMFADevices(r -> r.assignmentStatus(status))
                        .virtualMFADevices().stream().map(VirtualMFADevice::serialNumber).sorted().toList();
                assertEquals(List.of(alices, bobs.serialNumber()).stream().sorted().toList(), listed.apply(AssignmentStatusType.ASSIGNED));
                assertEquals(List.of(carols.serialNumber()), listed.apply(AssignmentStatusType.UNASSIGNED));
                assertEquals(List.of(alices, bobs.serialNumber(), carols.serialNumber()).stream().sorted().toList(), listed.apply(AssignmentStatusType.ANY));
                var assigned = root.listVirtualMFADevices(r -> r.assignmentStatus(AssignmentStatusType.ASSIGNED)).virtualMFADevices();
                assertTrue(assigned.stream().allMatch(device -> device.user() != null && device.enableDate() != null), assigned.toString());

                root.deactivateMFADevice(r -> r.userName("bob").serialNumber(bobs.serialNumber()));
                assertEquals(List.of(bobs.serialNumber(), carols.serialNumber()), listed.apply(AssignmentStatusType.UNASSIGNED));
            }
        }
    }

    @Test
    void badPagesAndFiltersAreValidationErrors() {
        try (TestServer server = TestServer.on("h2", Map.of()); IamClient root = iam(server, new NcpFixture(server, "Acme"))) {
            assertValidation("1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: "
                    + "Member must have value greater than or equal to 1", () -> root.listUsers(r -> r.maxItems(0)));
            assertValidation("1 validation error detected: Value '1001' at 'maxItems' failed to satisfy constraint: "
                    + "Member must have value less than or equal to 1000", () -> root.listVirtualMFADevices(r -> r.maxItems(1001)));
            assertValidation("Invalid Marker: give the Marker of the previous page's answer, unchanged.", () -> root.listUsers(r -> r.marker("not a marker!")));
            assertEquals(List.of("alice"), names(root.listUsers(r -> r.maxItems(1)).users()));
            assertValidation("1 validation error detected: Value 'Lost' at 'assignmentStatus' failed to satisfy constraint: "
                    + "Member must satisfy enum value set: [Unassigned, Assigned, Any]", () -> root.listVirtualMFADevices(r -> r.assignmentStatus("Lost")));
            assertValidation("1 validation error detected: Value 'eng' at 'pathPrefix' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: \\u002F[\\u0021-\\u007F]*", () -> root.listUsers(r -> r.pathPrefix("eng")));
            assertEquals(List.of("alice"), names(root.listUsers(r -> r.pathPrefix("/")).users()));
            assertEquals(List.of(), root.listUsers(r -> r.pathPrefix("/eng/")).users(), "every user is at /: none under /eng/");
        }
    }

    @Test
    void whatANewUserOrDeviceCannotKeepHereIsRefusedBeforeAnythingIsCreated() {
        try (TestServer server = TestServer.on("h2", Map.of()); IamClient root = iam(server, new NcpFixture(server, "Acme"))) {
            assertValidation("Gatekey keeps every user at the path /: leave Path out, or give /.",
                    () -> root.createUser(r -> r.userName("bob").path("/eng/")));
            assertValidation("1 validation error detected: Value 'eng' at 'path' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)",
                    () -> root.createUser(r -> r.userName("bob").path("eng")));
            assertValidation("Gatekey keeps no tags: leave Tags out.",
                    () -> root.createUser(r -> r.userName("bob").tags(tag -> tag.key("team").value("eng"))));
            assertValidation("Gatekey has no permissions boundaries: leave PermissionsBoundary out.",
                    () -> root.createUser(r -> r.userName("bob").permissionsBoundary("arn:aws:iam::aws:policy/ReadOnlyAccess")));
            assertEquals(List.of("alice"), names(root.listUsers().users()), "no user was created");

            assertEquals("/", root.createUser(r -> r.userName("bob").path("/")).user().path());
            assertValidation("Gatekey keeps every virtual MFA device at the path /: leave Path out, or give /.",
                    () -> root.createVirtualMFADevice(r -> r.virtualMFADeviceName("bob").path("/eng/")));
            assertValidation("Gatekey keeps no tags: leave Tags out.",
                    () -> root.createVirtualMFADevice(r -> r.virtualMFADeviceName("bob").tags(tag -> tag.key("team").value("eng"))));
            assertEquals(1, root.listVirtualMFADevices().virtualMFADevices().size(), "no device was created: only alice's");
            root.createVirtualMFADevice(r -> r.virtualMFADeviceName("bob").path("/"));
        }
    }

    @Test
    void aUserIsDeletedOnlyOnceItsKeysAndItsEnabledDeviceHaveGone() {
        try (TestServer server = TestServer.on("h2", Map.of())) {
            server.clock.set(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
            NcpFixture acme = new NcpFixture(server, "Acme");
            try (IamClient root = iam(server, acme)) {
                root.createUser(r -> r.userName("bob"));
                String key = root.createAccessKey(r -> r.userName("bob")).accessKey().accessKeyId();
                assertConflict("Cannot delete entity, must delete access keys first.", () -> root.deleteUser(r -> r.userName("bob")));
                root.updateAccessKey(r -> r.userName("bob").accessKeyId(key).status(StatusType.INACTIVE));
                assertConflict("Cannot delete entity, must delete access keys first.", () -> root.deleteUser(r -> r.userName("bob")));
                root.deleteAccessKey(r -> r.userName("bob").accessKeyId(key));

                VirtualMFADevice device = enabledDevice(root, server, "bob");
                assertConflict("Cannot delete entity, must delete MFA device first.", () -> root.deleteUser(r -> r.userName("bob")));
                assertEquals("bob", root.getUser(r -> r.userName("bob")).user().userName(), "refused: nothing was deleted");

                root.deactivateMFADevice(r -> r.userName("bob").serialNumber(device.serialNumber()));
                root.deleteUser(r -> r.userName("bob"));
                assertEquals("NoSuchEntity", assertThrows(IamException.class, () -> root.getUser(r -> r.userName("bob"))).awsErrorDetails().errorCode());
                assertConflict("Cannot delete entity, must delete access keys first.", () -> root.deleteUser(r -> r.userName("alice")));
            }
        }
    }

    @Test
    void aDeviceInTheWrongStateIsRefusedWithIamsCodeForIt() {
        try (TestServer server = TestServer.on("h2", Map.of())) {
            server.clock.set(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
            try (IamClient root = iam(server, new NcpFixture(server, "Acme"))) {
                root.createUser(r -> r.userName("bob"));
                root.createUser(r -> r.userName("carol"));
                VirtualMFADevice device = root.createVirtualMFADevice(r -> r.virtualMFADeviceName("bob")).virtualMFADevice();
                Function<Integer, String> code = offset -> code(server, device, offset);

                assertRefused(404, "NoSuchEntity", "the MFA device is not enabled", () -> root.resyncMFADevice(r -> r.userName("bob")
                        .serialNumber(device.serialNumber()).authenticationCode1(code.apply(-1)).authenticationCode2(code.apply(0))));
                assertRefused(404, "NoSuchEntity", "the MFA device is not enabled",
                        () -> root.deactivateMFADevice(r -> r.userName("bob").serialNumber(device.serialNumber())));
                assertRefused(404, "NoSuchEntity", "VirtualMFADevice with serial number " + device.serialNumber() + " doesn't exist.",
                        () -> root.enableMFADevice(r -> r.userName("carol").serialNumber(device.serialNumber())
                                .authenticationCode1(code.apply(-1)).authenticationCode2(code.apply(0))));
                root.enableMFADevice(r -> r.userName("bob").serialNumber(device.serialNumber())
                        .authenticationCode1(code.apply(-1)).authenticationCode2(code.apply(0)));
                assertRefused(409, "EntityAlreadyExists", "the MFA device is already enabled", () -> root.enableMFADevice(r -> r.userName("bob")
                        .serialNumber(device.serialNumber()).authenticationCode1(code.apply(1)).authenticationCode2(code.apply(2))));
                assertRefused(409, "DeleteConflict", "the MFA device is enabled; disable it first",
                        () -> root.deleteVirtualMFADevice(r -> r.serialNumber(device.serialNumber())));
            }
        }
    }

    @Test
    void aUsersLastConsoleSignInIsItsPasswordLastUsed() {
        try (TestServer server = TestServer.on("h2", Map.of())) {
            server.clock.set(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
            ConsoleFixture console = new ConsoleFixture(server, "Acme", "acme", false, false);
            try (IamClient root = iam(server, console.tenant)) {
                assertNull(root.getUser(r -> r.userName("alice")).user().passwordLastUsed(), "never signed in");
                server.clock.advance(Duration.ofSeconds(30)); // past the codes that enabled the device
                ConsoleClient browser = new ConsoleClient(server);
                browser.signIn("acme", "alice", ConsoleFixture.PASSWORD);
                browser.get("/nsa/acme/code");
                Instant signedIn = server.clock.instant();
                assertEquals(303, browser.post("/nsa/acme/code", "code", console.tenant.code(0)).statusCode());
                server.clock.advance(Duration.ofMinutes(5));
                assertEquals(signedIn, root.getUser(r -> r.userName("alice")).user().passwordLastUsed());
                assertEquals(signedIn, root.listUsers().users().get(0).passwordLastUsed());
            }
        }
    }

    /** What a ListAccessKeys request presigned with the admin key by the SDK's own signer answers inside its result element. */
    private static String listAccessKeysResult(TestServer server, NcpFixture tenant, Map<String, String> parameters) throws Exception {
        Map<String, String> query = new java.util.HashMap<>(parameters);
        query.put("Action", "ListAccessKeys");
        query.put("Version", "2010-05-08");
        software.amazon.awssdk.http.SdkHttpFullRequest presigned = AwsPresigned.get(server,
                AwsBasicCredentials.create(tenant.adminKey.id().value(), tenant.adminKey.secret().reveal()), "iam", query);
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(presigned.getUri()).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body().replaceAll("(?s).*<ListAccessKeysResult>(.*)</ListAccessKeysResult>.*", "$1");
    }

    /** Creates the virtual device named after {@code user} and enables it with the codes of the step before and the current one. */
    private static VirtualMFADevice enabledDevice(IamClient root, TestServer server, String user) {
        VirtualMFADevice device = root.createVirtualMFADevice(r -> r.virtualMFADeviceName(user)).virtualMFADevice();
        root.enableMFADevice(r -> r.userName(user).serialNumber(device.serialNumber())
                .authenticationCode1(code(server, device, -1)).authenticationCode2(code(server, device, 0)));
        return device;
    }

    /** The device's code for the step {@code offset} steps from the server clock's current one. */
    private static String code(TestServer server, VirtualMFADevice device, int offset) {
        TotpSeed seed = TotpSeed.fromBase32(device.base32StringSeed().asUtf8String());
        return Totp.code(seed, TotpParameters.DEFAULT, Totp.stepAt(server.clock.instant(), 30) + offset);
    }

    private static void assertConflict(String message, Executable call) {
        assertRefused(409, "DeleteConflict", message, call);
    }

    private static void assertRefused(int status, String code, String message, Executable call) {
        IamException refused = assertThrows(IamException.class, call);
        assertEquals(status, refused.statusCode());
        assertEquals(code, refused.awsErrorDetails().errorCode());
        assertEquals(message, refused.awsErrorDetails().errorMessage());
    }

    private static void assertValidation(String message, Executable call) {
        assertRefused(400, "ValidationError", message, call);
    }

    private static List<String> names(List<User> users) {
        return users.stream().map(User::userName).toList();
    }
}
