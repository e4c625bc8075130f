package io.gatekey.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.huaweicloud.sdk.core.auth.GlobalCredentials;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.iam.v5.IamClient;
import com.huaweicloud.sdk.iam.v5.model.CreateVirtualMfaDeviceReqBody;
import com.huaweicloud.sdk.iam.v5.model.CreateVirtualMfaDeviceV5Request;
import com.huaweicloud.sdk.iam.v5.model.DeleteVirtualMfaDeviceV5Request;
import com.huaweicloud.sdk.iam.v5.model.DisableMfaDeviceReqBody;
import com.huaweicloud.sdk.iam.v5.model.DisableMfaDeviceV5Request;
import com.huaweicloud.sdk.iam.v5.model.ListMfaDevicesV5Request;
import io.gatekey.application.port.in.account.CreateSubAccountUseCase;
import io.gatekey.application.port.in.audit.ListAuditEventsUseCase;
import io.gatekey.application.port.in.mfa.CreateMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.EnableMfaDeviceUseCase;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.SubAccountName;
import io.gatekey.domain.audit.AuditEvent;
import io.gatekey.domain.audit.AuditEventType;
import io.gatekey.domain.mfa.MfaDeviceName;
import io.gatekey.domain.mfa.MfaDeviceStatus;
import io.gatekey.domain.mfa.MfaSerialNumber;
import io.gatekey.domain.mfa.Totp;
import io.gatekey.domain.mfa.TotpParameters;
import io.gatekey.domain.mfa.TotpSeed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The attacks of one stolen factor or one captured request, each through a real socket with the door's own signing:
 * every one of them gains nothing.
 */
abstract class SecurityAttacksContract extends DoorContract {

    // ---- helpers ----

    IamClient huawei(String ak, String sk, String token) {
        GlobalCredentials credentials = new GlobalCredentials().withAk(ak).withSk(sk).withDomainId(acme.accountId.value());
        if (token != null) {
            credentials.withSecurityToken(token);
        }
        return IamClient.newBuilder().withCredential(credentials).withEndpoints(List.of(server.uri("").toString())).build();
    }

    IamClient aliceLongTermKey() {
        return huawei(acme.userKey.id().value(), acme.userKey.secret().reveal(), null);
    }

    static int status(Supplier<?> call) {
        try {
            call.get();
            return 200;
        } catch (ServiceResponseException e) {
            return e.getHttpStatusCode();
        }
    }

    Map<String, Object> tencentSession(String code) {
        TencentClient client = new TencentClient(server, acme.userKey.id().value(), acme.userKey.secret().reveal(), null);
        HttpResponse<String> response = client.call(TencentClient.Style.GET, "HmacSHA256", Map.of("tokenCode", code));
        Map<String, Object> body = acme.json(response.body());
        assertEquals(0, ((Number) body.get("code")).intValue(), response.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> credentials = (Map<String, Object>) ((Map<String, Object>) body.get("data")).get("credentials");
        return credentials;
    }

    MfaDeviceStatus statusOf(MfaSerialNumber serial) {
        return server.useCases.listMfaDevices().list(new io.gatekey.application.port.in.mfa.ListMfaDevicesUseCase.Query(new Principal.Operator(),
                acme.accountId, Optional.of(acme.user.id()), Optional.empty(), 10)).devices().stream()
                .filter(d -> d.serialNumber().equals(serial)).findFirst().orElseThrow().status();
    }

    List<AuditEvent> audit(AuditEventType type) {
        return server.useCases.listAuditEvents().list(new ListAuditEventsUseCase.Query(new Principal.Operator(), Optional.of(acme.accountId),
                Optional.empty(), Optional.empty(), Optional.of(type), Optional.empty(), 1000));
    }

    /** A Huawei request signed over {@code signedBody} but carrying {@code sentBody}, with an optional X-Sdk-Content-Sha256. */
    HttpResponse<String> huaweiRaw(String method, String path, String signedBody, String sentBody, String claimedHash) throws Exception {
        return huaweiRaw(acme.adminKey.id().value(), acme.adminKey.secret().reveal(), null, method, path, signedBody, sentBody, claimedHash);
    }

    /** The same, signed with any key, on the server's clock. */
    HttpResponse<String> huaweiRaw(String ak, String sk, String token, String method, String path, String signedBody, String sentBody,
                                   String claimedHash) throws Exception {
        String date = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC)
                .format(server.clock.instant());
        URI uri = server.uri(path);
        String host = uri.getHost() + ":" + uri.getPort();
        String hash = claimedHash != null ? claimedHash : HuaweiTestSigner.sha256Hex(signedBody == null ? "" : signedBody);
        String canonical = String.join("\n", method, HuaweiTestSigner.canonicalUri(uri.getRawPath()), HuaweiTestSigner.canonicalQuery(uri.getRawQuery()),
                "content-type:application/json\nhost:" + host + "\nx-sdk-date:" + date + "\n", "content-type;host;x-sdk-date", hash);
        String signature = HuaweiTestSigner.hmacHex(sk, "SDK-HMAC-SHA256\n" + date + "\n" + HuaweiTestSigner.sha256Hex(canonical));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(method, sentBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(sentBody))
                .header("Content-Type", "application/json").header("X-Sdk-Date", date)
                .header("Authorization", "SDK-HMAC-SHA256 Access=" + ak + ", SignedHeaders=content-type;host;x-sdk-date, Signature=" + signature);
        if (token != null) {
            request.header("X-Security-Token", token);
        }
        if (claimedHash != null) {
            request.header("X-Sdk-Content-Sha256", claimedHash);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    MfaSerialNumber enrolledDeviceOf(String userId, String name) {
        Principal operator = new Principal.Operator();
        var created = server.useCases.createMfaDevice().create(new CreateMfaDeviceUseCase.Command(operator,
                new io.gatekey.domain.account.SubAccountId(userId), new MfaDeviceName(name)));
        TotpSeed seed = TotpSeed.fromBase32(created.base32Seed());
        long step = Totp.stepAt(server.clock.instant(), 30);
        server.useCases.enableMfaDevice().enable(new EnableMfaDeviceUseCase.Command(operator, new io.gatekey.domain.account.SubAccountId(userId),
                created.device().serialNumber(), Totp.code(seed, TotpParameters.DEFAULT, step - 1), Totp.code(seed, TotpParameters.DEFAULT, step)));
        return created.device().serialNumber();
    }

    // ---- 1: MFA removed with the first factor alone ----

    @Test
    void aStolenLongTermKeyCannotDisableDeleteOrReplaceTheVictimsDevice() throws Exception {
        String alice = acme.user.id().value();
        IamClient attacker = aliceLongTermKey();
        assertEquals(403, status(() -> attacker.disableMfaDeviceV5(new DisableMfaDeviceV5Request().withBody(
                new DisableMfaDeviceReqBody().withUserId(alice).withSerialNumber(acme.serial.value())))));
        assertEquals(MfaDeviceStatus.ENABLED, statusOf(acme.serial));
        assertNotEquals(204, status(() -> attacker.deleteVirtualMfaDeviceV5(new DeleteVirtualMfaDeviceV5Request()
                .withUserId(alice).withSerialNumber(acme.serial.value()))));
        assertEquals(403, status(() -> attacker.createVirtualMfaDeviceV5(new CreateVirtualMfaDeviceV5Request().withBody(
                new CreateVirtualMfaDeviceReqBody().withVirtualMfaDeviceName("attackers").withUserId(alice)))));
        assertEquals(MfaDeviceStatus.ENABLED, statusOf(acme.serial));

        // A session key from an MFA check older than 15 minutes proves nothing either.
        Map<String, Object> old = tencentSession(acme.code(1));
        server.clock.set(server.clock.instant().plus(Duration.ofMinutes(15)).plusSeconds(30));
        String disable = "{\"user_id\":\"" + alice + "\",\"serial_number\":\"" + acme.serial + "\"}";
        HttpResponse<String> stale = huaweiRaw((String) old.get("tmpSecretId"), (String) old.get("tmpSecretKey"), (String) old.get("sessionToken"),
                "POST", "/v5/mfa-devices/disable", disable, disable, null);
        assertEquals(403, stale.statusCode(), stale.body());
        assertTrue(stale.body().contains("within the last 15 minutes"), stale.body());
        assertEquals(MfaDeviceStatus.ENABLED, statusOf(acme.serial));
    }

    @Test
    void aUserWithAFreshMfaSessionReplacesTheirOwnDeviceAndTheAdminAlwaysCan() {
        String alice = acme.user.id().value();
        Map<String, Object> session = tencentSession(acme.code(1));
        IamClient proven = huawei((String) session.get("tmpSecretId"), (String) session.get("tmpSecretKey"), (String) session.get("sessionToken"));
        assertEquals(200, status(() -> proven.disableMfaDeviceV5(new DisableMfaDeviceV5Request().withBody(
                new DisableMfaDeviceReqBody().withUserId(alice).withSerialNumber(acme.serial.value())))));
        assertEquals(200, status(() -> proven.deleteVirtualMfaDeviceV5(new DeleteVirtualMfaDeviceV5Request()
                .withUserId(alice).withSerialNumber(acme.serial.value()))));
        assertEquals(200, status(() -> proven.createVirtualMfaDeviceV5(new CreateVirtualMfaDeviceV5Request().withBody(
                new CreateVirtualMfaDeviceReqBody().withVirtualMfaDeviceName("new-phone").withUserId(alice)))));
        assertEquals("mfa proof " + acme.serial, audit(AuditEventType.MFA_DEVICE_DISABLED).get(0).detail());

        String bob = server.useCases.createSubAccount().create(new CreateSubAccountUseCase.Command(new Principal.Operator(), acme.accountId,
                new SubAccountName("bob"))).id().value();
        MfaSerialNumber bobs = enrolledDeviceOf(bob, "bob-phone");
        IamClient admin = huawei(acme.adminKey.id().value(), acme.adminKey.secret().reveal(), null);
        assertEquals(200, status(() -> admin.disableMfaDeviceV5(new DisableMfaDeviceV5Request().withBody(
                new DisableMfaDeviceReqBody().withUserId(bob).withSerialNumber(bobs.value())))));
        assertEquals(200, status(() -> admin.deleteVirtualMfaDeviceV5(new DeleteVirtualMfaDeviceV5Request().withUserId(bob).withSerialNumber(bobs.value()))));
        assertEquals(200, status(() -> admin.createVirtualMfaDeviceV5(new CreateVirtualMfaDeviceV5Request().withBody(
                new CreateVirtualMfaDeviceReqBody().withVirtualMfaDeviceName("bob-new").withUserId(bob)))));
        assertEquals("by the account's admin", audit(AuditEventType.MFA_DEVICE_DELETED).get(0).detail());
    }

    // ---- 2: the Huawei signature covers the body received ----

    @Test
    void aCapturedHuaweiRequestCannotCarryAnotherBody() throws Exception {
        String bob = server.useCases.createSubAccount().create(new CreateSubAccountUseCase.Command(new Principal.Operator(), acme.accountId,
                new SubAccountName("bob"))).id().value();
        MfaSerialNumber bobs = enrolledDeviceOf(bob, "bob-phone");
        String captured = "{\"user_id\":\"" + bob + "\",\"serial_number\":\"" + bobs + "\"}";
        String forged = "{\"user_id\":\"" + acme.user.id() + "\",\"serial_number\":\"" + acme.serial + "\"}";

        HttpResponse<String> swapped = huaweiRaw("POST", "/v5/mfa-devices/disable", captured, forged, HuaweiTestSigner.sha256Hex(captured));
        assertEquals(401, swapped.statusCode(), swapped.body());
        HttpResponse<String> unsigned = huaweiRaw("POST", "/v5/mfa-devices/disable", captured, forged, "UNSIGNED-PAYLOAD");
        assertEquals(401, unsigned.statusCode(), unsigned.body());
        assertEquals(MfaDeviceStatus.ENABLED, statusOf(acme.serial));

        HttpResponse<String> honest = huaweiRaw("POST", "/v5/mfa-devices/disable", captured, captured, HuaweiTestSigner.sha256Hex(captured));
        assertEquals(200, honest.statusCode(), honest.body());
        HttpResponse<String> replayed = huaweiRaw("POST", "/v5/mfa-devices/disable", captured, captured, HuaweiTestSigner.sha256Hex(captured));
        assertEquals(401, replayed.statusCode(), "a request that changes state is accepted once");
        assertTrue(replayed.body().contains("accepted once already"), replayed.body());
    }

    // ---- 3: a signed query is read as it was signed ----

    @Test
    void aSignedQueryIsReadAsItWasSigned() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        AwsBasicCredentials alice = AwsBasicCredentials.create(acme.userKey.id().value(), acme.userKey.secret().reveal());
        // AWS: a '+' in a query is a space, to the signature as to the action; "%2B" is a plus to both.
        String plus = AwsPresigned.get(server, alice, "iam", Map.of("Action", "GetUser", "Version", "2010-05-08", "UserName", "alice+x"))
                .getUri().toString();
        assertTrue(plus.contains("UserName=alice%2Bx"), plus);
        HttpResponse<String> asSigned = get(http, plus);
        assertFalse(asSigned.body().contains("SignatureDoesNotMatch"), asSigned.body());
        HttpResponse<String> plusMadeSpace = get(http, plus.replace("UserName=alice%2Bx", "UserName=alice+x"));
        assertEquals(403, plusMadeSpace.statusCode(), plusMadeSpace.body());
        assertTrue(plusMadeSpace.body().contains("<Code>SignatureDoesNotMatch</Code>"), plusMadeSpace.body());
        // A client that signs a space as "%20" and sends it as '+' (URLSearchParams does) is read as it signed.
        String space = AwsPresigned.get(server, alice, "sts", Map.of("Action", "GetCallerIdentity", "Version", "2011-06-15", "Note", "a b"))
                .getUri().toString();
        assertTrue(space.contains("Note=a%20b"), space);
        HttpResponse<String> spaceAsPlus = get(http, space.replace("Note=a%20b", "Note=a+b"));
        assertEquals(200, spaceAsPlus.statusCode(), spaceAsPlus.body());
        // A name given twice: the signature sorts its values, so it cannot say which one the action was to read.
        String twice = AwsPresigned.getAll(server, alice, "sts", Map.of("Action", List.of("GetCallerIdentity"), "Version",
                List.of("2011-06-15", "2011-06-15"))).getUri().toString();
        HttpResponse<String> repeated = get(http, twice);
        assertEquals(400, repeated.statusCode(), repeated.body());
        assertTrue(repeated.body().contains("<Code>MalformedQueryString</Code><Message>The query string gives Version more than once.</Message>"),
                repeated.body());

        // Huawei: Micronaut binds the route's parameters; a query it would read otherwise than the signature is refused.
        String admin = acme.adminKey.id().value();
        String secret = acme.adminKey.secret().reveal();
        String list = "/v5/mfa-devices?limit=1&user_id=" + acme.user.id();
        HttpResponse<String> honest = HuaweiTestSigner.send(server, "GET", list, null, server.clock.instant(), admin, secret);
        assertEquals(200, honest.statusCode(), honest.body());
        assertTrue(honest.body().contains("\"serial_number\":\"" + acme.serial + "\""), honest.body());
        for (String query : List.of("limit=1;user_id=" + acme.user.id(), "limit=2&limit=1&user_id=" + acme.user.id())) {
            HttpResponse<String> read = HuaweiTestSigner.send(server, "GET", "/v5/mfa-devices?" + query, null, server.clock.instant(), admin, secret);
            assertEquals(400, read.statusCode(), query + ": " + read.body());
            assertEquals("IAM.1001", acme.json(read.body()).get("error_code"), read.body());
        }

        // NCP signs the query as sent; its routes read Micronaut's binding, which must not read the query otherwise:
        // not in the charset of the (unsigned) Content-Type, not split on ';'.
        NcpClient ncp = acme.admin();
        HttpResponse<String> emile = ncp.send("POST", "/api/v1/sub-accounts", "{\"loginId\":\"emile\",\"name\":\"\u00c9mile\",\"canAPIGatewayAccess\":true,"
                + "\"canConsoleAccess\":false,\"needPasswordReset\":false}");
        assertEquals(200, emile.statusCode(), emile.body());
        String search = "/api/v1/sub-accounts?searchColumn=name&searchWord=%C3%89mile";
        HttpResponse<String> utf8 = ncp.sendWith("GET", search, null, "Content-Type", "application/json; charset=utf-8");
        assertEquals(200, utf8.statusCode(), utf8.body());
        assertTrue(utf8.body().contains("\"loginId\":\"emile\""), utf8.body());
        HttpResponse<String> latin1 = ncp.sendWith("GET", search, null, "Content-Type", "application/json; charset=ISO-8859-1");
        assertEquals(400, latin1.statusCode(), latin1.body());
        assertEquals("{\"error\":{\"errorCode\":\"100\",\"message\":\"Bad Request Exception\",\"details\":\"The query must be sent as it is signed: "
                + "UTF-8, '&' between parameters and every other reserved character percent-encoded.\"}}", latin1.body());
        HttpResponse<String> semicolon = ncp.send("GET", "/api/v1/sub-accounts?searchColumn=name;searchWord=%C3%89mile", null);
        assertEquals(400, semicolon.statusCode(), semicolon.body());
    }

    private static HttpResponse<String> get(HttpClient http, String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSessionTokenSentWithALongTermKeyIsRefusedAtEveryDoorThatCarriesOne() throws Exception {
        String ak = acme.userKey.id().value();
        String sk = acme.userKey.secret().reveal();
        assertEquals(200, status(() -> huawei(ak, sk, null).listMfaDevicesV5(new ListMfaDevicesV5Request().withUserId(acme.user.id().value()))));
        assertEquals(401, status(() -> huawei(ak, sk, "not-a-token").listMfaDevicesV5(new ListMfaDevicesV5Request().withUserId(acme.user.id().value()))));

        HttpResponse<String> tencent = new TencentClient(server, ak, sk, "not-a-token").call(TencentClient.Style.GET, "HmacSHA256",
                Map.of("tokenCode", acme.code(1)));
        assertEquals(4105, ((Number) acme.json(tencent.body()).get("code")).intValue(), tencent.body());

        HttpClient http = HttpClient.newHttpClient();
        Map<String, String> whoAmI = Map.of("Action", "GetCallerIdentity", "Version", "2011-06-15");
        assertEquals(200, get(http, AwsPresigned.get(server, AwsBasicCredentials.create(ak, sk), "sts", whoAmI).getUri().toString()).statusCode());
        HttpResponse<String> aws = get(http, AwsPresigned.get(server, AwsSessionCredentials.create(ak, sk, "not-a-token"), "sts", whoAmI)
                .getUri().toString());
        assertEquals(403, aws.statusCode(), aws.body());
        assertTrue(aws.body().contains("<Code>InvalidClientTokenId</Code>"), aws.body());
    }

    // ---- 4: NCP requests replay no more ----

    @Test
    void aCapturedNcpRequestIsAcceptedOnce() {
        NcpClient admin = acme.admin();
        String path = "/api/v1/sub-accounts/" + acme.user.id() + "/access-keys";
        long timestamp = server.clock.instant().toEpochMilli();
        String signature = NcpClient.sign(acme.adminKey.secret().reveal(), "POST", path, timestamp, acme.adminKey.id().value());
        String[] headers = {"x-ncp-apigw-timestamp", Long.toString(timestamp), "x-ncp-iam-access-key", acme.adminKey.id().value(),
                "x-ncp-apigw-signature-v2", signature};
        assertEquals(200, admin.raw("POST", path, "", "application/json", headers).statusCode());
        server.clock.set(server.clock.instant().plusSeconds(3));
        HttpResponse<String> replay = admin.raw("POST", path, "", "application/json", headers);
        assertEquals(401, replay.statusCode(), replay.body());
        assertEquals(2, server.useCases.listAccessKeys().list(new io.gatekey.application.port.in.accesskey.ListAccessKeysUseCase.Query(
                new Principal.Operator(), io.gatekey.domain.accesskey.KeyOwner.subAccount(acme.accountId, acme.user.id()))).size(),
                "the replay minted no key");

        // An issuance uses its signature up in its own transaction: a replay mints nothing and is answered as before.
        String credentials = "/api/v1/credentials";
        long issuedAt = server.clock.instant().toEpochMilli();
        String[] issuance = {"x-ncp-apigw-timestamp", Long.toString(issuedAt), "x-ncp-iam-access-key", acme.userKey.id().value(),
                "x-ncp-apigw-signature-v2", NcpClient.sign(acme.userKey.secret().reveal(), "POST", credentials, issuedAt, acme.userKey.id().value())};
        java.util.function.IntSupplier held = () -> server.useCases.listTemporaryCredentials().list(
                new io.gatekey.application.port.in.credential.ListTemporaryCredentialsUseCase.Query(new Principal.Operator(), acme.user.id())).size();
        int before = held.getAsInt();
        assertEquals(200, acme.user().raw("POST", credentials, "{\"durationSec\":900}", "application/json", issuance).statusCode());
        HttpResponse<String> replayedIssuance = acme.user().raw("POST", credentials, "{\"durationSec\":900}", "application/json", issuance);
        assertEquals(401, replayedIssuance.statusCode());
        assertEquals("{\"error\":{\"errorCode\":\"200\",\"message\":\"Authentication Failed\",\"details\":\"Invalid authentication information.\"}}",
                replayedIssuance.body());
        assertEquals(before + 1, held.getAsInt(), "the replay minted no credential");
        server.clock.set(server.clock.instant().plusMillis(1));

        // An STS key describing itself answers its secret: that read is accepted once too.
        HttpResponse<String> issued = acme.user().send("POST", "/api/v1/credentials", "{\"durationSec\":900}");
        Map<String, Object> sts = acme.json(issued.body());
        long now = server.clock.instant().toEpochMilli();
        String stsSignature = NcpClient.sign((String) sts.get("keySecret"), "GET", "/api/v1/credentials", now, (String) sts.get("accessKey"));
        String[] stsHeaders = {"x-ncp-apigw-timestamp", Long.toString(now), "x-ncp-iam-access-key", (String) sts.get("accessKey"),
                "x-ncp-apigw-signature-v2", stsSignature};
        assertEquals(200, admin.raw("GET", "/api/v1/credentials", null, null, stsHeaders).statusCode());
        HttpResponse<String> replayedRead = admin.raw("GET", "/api/v1/credentials", null, null, stsHeaders);
        assertEquals(401, replayedRead.statusCode());
        assertFalse(replayedRead.body().contains((String) sts.get("keySecret")));

        // Ten replays of a wrong-code request do not lock the victim's device: each is refused before its code is judged.
        long at = server.clock.instant().toEpochMilli();
        String body = "{\"serialNumber\":\"" + acme.serial + "\",\"tokenCode\":\"000000\"}";
        String mfaSignature = NcpClient.sign(acme.userKey.secret().reveal(), "POST", "/api/v1/credentials", at, acme.userKey.id().value());
        String[] mfaHeaders = {"x-ncp-apigw-timestamp", Long.toString(at), "x-ncp-iam-access-key", acme.userKey.id().value(),
                "x-ncp-apigw-signature-v2", mfaSignature};
        for (int i = 0; i < 11; i++) {
            admin.raw("POST", "/api/v1/credentials", body, "application/json", mfaHeaders);
        }
        assertTrue(audit(AuditEventType.MFA_CHECK_FAILED).size() <= 1);
        assertEquals(0, audit(AuditEventType.MFA_DEVICE_LOCKED).size());
    }

    // ---- 5: revocation that sticks ----

    @Test
    void stsKeysDieWithTheirKeyAndTheirUserAndTheAdminRevokesOverHttp() {
        NcpClient admin = acme.admin();
        Map<String, Object> sts = acme.json(acme.user().send("POST", "/api/v1/credentials", "{\"durationSec\":900}").body());
        NcpClient stsClient = new NcpClient(server, (String) sts.get("accessKey"), (String) sts.get("keySecret"));
        assertEquals(200, stsClient.send("GET", "/api/v1/sub-accounts/" + acme.user.id(), null).statusCode());

        String keys = "/api/v1/sub-accounts/" + acme.user.id() + "/access-keys";
        assertEquals(200, admin.send("PUT", keys, "{\"accessKey\":\"" + acme.userKey.id() + "\",\"active\":false}").statusCode());
        assertEquals(401, stsClient.send("GET", "/api/v1/sub-accounts/" + acme.user.id(), null).statusCode());
        server.clock.set(server.clock.instant().plusMillis(1));
        assertEquals(200, admin.send("PUT", keys, "{\"accessKey\":\"" + acme.userKey.id() + "\",\"active\":true}").statusCode());
        assertEquals(401, stsClient.send("GET", "/api/v1/sub-accounts/" + acme.user.id(), null).statusCode(), "reactivation revives nothing");

        Map<String, Object> second = acme.json(acme.user().send("POST", "/api/v1/credentials", "{\"durationSec\":900}").body());
        NcpClient secondClient = new NcpClient(server, (String) second.get("accessKey"), (String) second.get("keySecret"));
        String user = "/api/v1/sub-accounts/" + acme.user.id();
        assertEquals(200, admin.send("PUT", user, "{\"name\":\"alice\",\"active\":false}").statusCode());
        server.clock.set(server.clock.instant().plusMillis(1));
        assertEquals(200, admin.send("PUT", user, "{\"name\":\"alice\",\"active\":true}").statusCode());
        assertEquals(401, secondClient.send("GET", user, null).statusCode(), "deactivating the user revoked for good");

        server.clock.set(server.clock.instant().plusMillis(1));
        Map<String, Object> third = acme.json(acme.user().send("POST", "/api/v1/credentials", "{\"durationSec\":900}").body());
        NcpClient thirdClient = new NcpClient(server, (String) third.get("accessKey"), (String) third.get("keySecret"));
        assertEquals(200, thirdClient.send("GET", user, null).statusCode());
        HttpResponse<String> listed = admin.send("GET", user + "/credentials", null);
        assertTrue(listed.body().contains((String) third.get("accessKey")), listed.body());
        assertFalse(listed.body().contains((String) third.get("keySecret")));
        HttpResponse<String> revoked = admin.send("DELETE", user + "/credentials/" + third.get("accessKey"), null);
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertEquals(1, ((Number) acme.json(revoked.body()).get("revokedCount")).intValue());
        server.clock.set(server.clock.instant().plusMillis(1));
        assertEquals(401, thirdClient.send("GET", user, null).statusCode());
        assertEquals(404, admin.send("DELETE", user + "/credentials/GKSTAAAAAAAAAAAAAAAA", null).statusCode());
        server.clock.set(server.clock.instant().plusMillis(1));
        HttpResponse<String> all = admin.send("DELETE", user + "/credentials", null);
        assertEquals("{\"success\":true,\"revokedCount\":0}", all.body());
    }

    @Test
    void theRevocationRoutesAreInTheNcpDoorsOpenApiDocument() throws Exception {
        HttpResponse<String> document = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri("/openapi/ncp.yml")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, document.statusCode());
        assertTrue(document.body().startsWith("openapi: 3.1.0"), document.body());
        assertTrue(document.body().contains("  /api/v1/sub-accounts/{subAccountId}/credentials:\n"));
        assertTrue(document.body().contains("  /api/v1/sub-accounts/{subAccountId}/credentials/{accessKey}:\n"));
        assertTrue(document.body().contains("revokedCount"));
    }

    // ---- 6: lockout exact under concurrency ----

    @Test
    void fortyConcurrentWrongCodesJudgeTenAtMost() throws Exception {
        String wrong = "000000".equals(acme.code(0)) || "000000".equals(acme.code(1)) || "000000".equals(acme.code(-1)) ? "999999" : "000000";
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    // Distinct timestamps: distinct signatures, so none is refused as a replay.
                    return acme.user().sendAt("POST", "/api/v1/credentials", "{\"serialNumber\":\"" + acme.serial + "\",\"tokenCode\":\"" + wrong + "\"}",
                            server.clock.instant().plusMillis(n)).statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertEquals(401, answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        List<AuditEvent> failed = audit(AuditEventType.MFA_CHECK_FAILED);
        assertEquals(10, failed.stream().filter(e -> e.detail().equals("INVALID")).count());
        assertEquals(30, failed.stream().filter(e -> e.detail().equals("LOCKED")).count());
        assertEquals(1, audit(AuditEventType.MFA_DEVICE_LOCKED).size());
    }

    // ---- 7: no oracles ----

    @Test
    void unknownKeysAndBadSignaturesAnswerAlikeAndAnotherAccountsUserIsMissing() throws Exception {
        IamClient unknown = huawei("GKAKNOPENOPENOPENOPE", acme.adminKey.secret().reveal(), null);
        IamClient wrongSecret = huawei(acme.adminKey.id().value(), "not-the-secret-not-the-secret-xx", null);
        ServiceResponseException a = refusal(() -> unknown.listMfaDevicesV5(new ListMfaDevicesV5Request()));
        ServiceResponseException b = refusal(() -> wrongSecret.listMfaDevicesV5(new ListMfaDevicesV5Request()));
        assertEquals(a.getHttpStatusCode(), b.getHttpStatusCode());
        assertEquals(a.getErrorCode(), b.getErrorCode());
        assertEquals(a.getErrorMsg(), b.getErrorMsg());

        NcpFixture globex = new NcpFixture(server, "Globex " + System.nanoTime());
        IamClient admin = huawei(acme.adminKey.id().value(), acme.adminKey.secret().reveal(), null);
        ServiceResponseException elsewhere = refusal(() -> admin.listMfaDevicesV5(new ListMfaDevicesV5Request().withUserId(globex.user.id().value())));
        ServiceResponseException missing = refusal(() -> admin.listMfaDevicesV5(new ListMfaDevicesV5Request().withUserId("nobody-at-all")));
        assertEquals(404, elsewhere.getHttpStatusCode());
        assertEquals(missing.getHttpStatusCode(), elsewhere.getHttpStatusCode());
        assertEquals(missing.getErrorCode(), elsewhere.getErrorCode());
    }

    static ServiceResponseException refusal(Supplier<?> call) {
        try {
            call.get();
        } catch (ServiceResponseException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    // ---- 8: bad input from anyone is a 4xx ----

    @Test
    void malformedEscapesAndOutOfRangeTimestampsAreCallerErrors() throws Exception {
        String escape = server.rawGet("/v5/mfa-devices/%zz");
        assertTrue(escape.startsWith("HTTP/1.1 4"), escape);
        assertTrue(escape.contains("{\"error_code\":"), escape);
        String query = server.rawGet("/v5/mfa-devices?user_id=%zz");
        assertTrue(query.startsWith("HTTP/1.1 4"), query);
        String ncpEscape = server.rawGet("/api/v1/sub-accounts/%zz");
        assertTrue(ncpEscape.startsWith("HTTP/1.1 4"), ncpEscape);

        TencentClient tencent = new TencentClient(server, acme.userKey.id().value(), acme.userKey.secret().reveal(), null);
        HttpResponse<String> farFuture = tencent.send(TencentClient.Style.GET,
                tencent.signed(Map.of("tokenCode", acme.code(1), "Timestamp", "9223372036854775807"), "GET", "HmacSHA256"));
        assertEquals(200, farFuture.statusCode());
        assertEquals(4000, ((Number) acme.json(farFuture.body()).get("code")).intValue(), farFuture.body());
    }

    // ---- 9: a session token that binds ----

    @Test
    void aTencentSessionKeyIsRefusedWhereNoTokenTravels() {
        Map<String, Object> session = tencentSession(acme.code(1));
        NcpClient withoutToken = new NcpClient(server, (String) session.get("tmpSecretId"), (String) session.get("tmpSecretKey"));
        HttpResponse<String> refused = withoutToken.send("GET", "/api/v1/credentials", null);
        assertEquals(401, refused.statusCode(), refused.body());
        assertFalse(refused.body().contains((String) session.get("tmpSecretKey")));
        assertEquals(session.get("sessionToken"), session.get("token"), "Tencent's table names it token, its example sessionToken");
    }
}
