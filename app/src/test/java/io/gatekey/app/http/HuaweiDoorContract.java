package io.gatekey.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.huaweicloud.sdk.core.auth.GlobalCredentials;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.iam.v5.IamClient;
import com.huaweicloud.sdk.iam.v5.model.CreateVirtualMfaDeviceReqBody;
import com.huaweicloud.sdk.iam.v5.model.CreateVirtualMfaDeviceV5Request;
import com.huaweicloud.sdk.iam.v5.model.DeleteVirtualMfaDeviceV5Request;
import com.huaweicloud.sdk.iam.v5.model.DisableMfaDeviceReqBody;
import com.huaweicloud.sdk.iam.v5.model.DisableMfaDeviceV5Request;
import com.huaweicloud.sdk.iam.v5.model.EnableMfaDeviceReqBody;
import com.huaweicloud.sdk.iam.v5.model.EnableMfaDeviceV5Request;
import com.huaweicloud.sdk.iam.v5.model.ListMfaDevicesV5Request;
import com.huaweicloud.sdk.iam.v5.model.ListMfaDevicesV5Response;
import com.huaweicloud.sdk.iam.v5.model.VirtualMfaDevice;
import io.gatekey.application.port.in.account.CreateSubAccountUseCase;
import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.SubAccountName;
import io.gatekey.domain.credential.TemporaryCredential;
import io.gatekey.domain.mfa.Totp;
import io.gatekey.domain.mfa.TotpParameters;
import io.gatekey.domain.mfa.TotpSeed;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The Huawei IAM v5 door driven by Huawei's own Java SDK, plus raw HTTP for what the SDK cannot send. */
abstract class HuaweiDoorContract extends DoorContract {

    IamClient client(String ak, String sk, String domainId, String securityToken) {
        GlobalCredentials credentials = new GlobalCredentials().withAk(ak).withSk(sk).withDomainId(domainId);
        if (securityToken != null) {
            credentials.withSecurityToken(securityToken);
        }
        return IamClient.newBuilder().withCredential(credentials).withEndpoints(List.of(server.uri("").toString())).build();
    }

    IamClient admin() {
        return client(acme.adminKey.id().value(), acme.adminKey.secret().reveal(), acme.accountId.value(), null);
    }

    String newUser(String name) {
        return server.useCases.createSubAccount().create(new CreateSubAccountUseCase.Command(new Principal.Operator(), acme.accountId,
                new SubAccountName(name))).id().value();
    }

    VirtualMfaDevice createDevice(IamClient client, String userId, String name) {
        return client.createVirtualMfaDeviceV5(new CreateVirtualMfaDeviceV5Request().withBody(
                new CreateVirtualMfaDeviceReqBody().withVirtualMfaDeviceName(name).withUserId(userId))).getVirtualMfaDevice();
    }

    static String code(String base32, long step) {
        return Totp.code(TotpSeed.fromBase32(base32), TotpParameters.DEFAULT, step);
    }

    long step() {
        return Totp.stepAt(server.clock.instant(), 30);
    }

    static void nextSecond() {
        long second = System.currentTimeMillis() / 1000;
        while (System.currentTimeMillis() / 1000 == second) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static ServiceResponseException refused(int status, Supplier<?> call) {
        ServiceResponseException e = assertThrows(ServiceResponseException.class, call::get);
        assertEquals(status, e.getHttpStatusCode(), e.getErrorMsg());
        assertNotNull(e.getErrorCode());
        assertNotNull(e.getRequestId(), "the SDK reads the request id from X-Request-Id");
        return e;
    }

    @Test
    void theWholeLifecycleThroughTheSdk() {
        String bob = newUser("bob");
        IamClient iam = admin();
        VirtualMfaDevice created = createDevice(iam, bob, "bob-phone");
        assertEquals("iam::" + acme.accountId + ":mfa:bob-phone", created.getSerialNumber());
        assertTrue(created.getBase32StringSeed().matches("[A-Z2-7]{32}"));

        long now = step();
        iam.enableMfaDeviceV5(new EnableMfaDeviceV5Request().withBody(new EnableMfaDeviceReqBody().withUserId(bob)
                .withSerialNumber(created.getSerialNumber()).withAuthenticationCodeFirst(code(created.getBase32StringSeed(), now - 1))
                .withAuthenticationCodeSecond(code(created.getBase32StringSeed(), now))));
        ListMfaDevicesV5Response listed = iam.listMfaDevicesV5(new ListMfaDevicesV5Request().withUserId(bob));
        assertEquals(1, listed.getMfaDevices().size());
        assertEquals(Boolean.TRUE, listed.getMfaDevices().get(0).getEnabled());
        assertEquals(bob, listed.getMfaDevices().get(0).getUserId());

        ServiceResponseException enabled = refused(409, () -> iam.deleteVirtualMfaDeviceV5(new DeleteVirtualMfaDeviceV5Request()
                .withUserId(bob).withSerialNumber(created.getSerialNumber())));
        assertEquals("IAM.1005", enabled.getErrorCode());

        iam.disableMfaDeviceV5(new DisableMfaDeviceV5Request().withBody(new DisableMfaDeviceReqBody().withUserId(bob)
                .withSerialNumber(created.getSerialNumber())));
        assertEquals(Boolean.FALSE, iam.listMfaDevicesV5(new ListMfaDevicesV5Request().withUserId(bob)).getMfaDevices().get(0).getEnabled());
        // The SDK dates requests to the second, and a request that changes state is accepted once: the same delete
        // sent again within that second would be a replay.
        nextSecond();
        iam.deleteVirtualMfaDeviceV5(new DeleteVirtualMfaDeviceV5Request().withUserId(bob).withSerialNumber(created.getSerialNumber()));
        assertEquals(0, iam.listMfaDevicesV5(new ListMfaDevicesV5Request().withUserId(bob)).getMfaDevices().size());
    }

    @Test
    void listingPagesWithMarkers() {
        IamClient iam = admin();
        for (String name : List.of("carol", "dave", "erin")) {
            createDevice(iam, newUser(name), name + "-phone");
        }
        ListMfaDevicesV5Response first = iam.listMfaDevicesV5(new ListMfaDevicesV5Request().withLimit(2));
        assertEquals(2, first.getPageInfo().getCurrentCount());
        assertNotNull(first.getPageInfo().getNextMarker());
        ListMfaDevicesV5Response second = iam.listMfaDevicesV5(new ListMfaDevicesV5Request().withLimit(2).withMarker(first.getPageInfo().getNextMarker()));
        // Three new devices plus the fixture's "phone": two pages of two.
        assertEquals(2, second.getPageInfo().getCurrentCount());
        assertNull(iam.listMfaDevicesV5(new ListMfaDevicesV5Request().withLimit(200).withMarker(second.getMfaDevices().get(1).getSerialNumber()))
                .getPageInfo().getNextMarker());
        refused(400, () -> iam.listMfaDevicesV5(new ListMfaDevicesV5Request().withLimit(201)));
    }

    @Test
    void errorStatusesAsTheDocumentLists() {
        IamClient iam = admin();
        String bob = newUser("bob");
        assertEquals("IAM.1001", refused(400, () -> createDevice(iam, bob, "bad name")).getErrorCode());
        assertEquals(400, refused(400, () -> createDevice(iam, bob, "x".repeat(65))).getHttpStatusCode());
        assertEquals("IAM.1004", refused(404, () -> createDevice(iam, "0123456789abcdef0123456789abcdef", "ghost")).getErrorCode());
        createDevice(iam, bob, "bob-phone");
        refused(409, () -> createDevice(iam, bob, "bob-tablet"));
        refused(409, () -> createDevice(iam, newUser("carol"), "bob-phone"));

        NcpFixture globex = new NcpFixture(server, "Globex " + UUID.randomUUID().toString().substring(0, 8));
        // Another account's user answers as a missing one, so no caller learns which user ids exist elsewhere.
        assertEquals("IAM.1004", refused(404, () -> createDevice(iam, globex.user.id().value(), "sneaky")).getErrorCode());
        refused(404, () -> iam.listMfaDevicesV5(new ListMfaDevicesV5Request().withUserId(globex.user.id().value())));
        IamClient alice = client(acme.userKey.id().value(), acme.userKey.secret().reveal(), acme.accountId.value(), null);
        ServiceResponseException forbidden = refused(403, () -> alice.listMfaDevicesV5(new ListMfaDevicesV5Request()));
        assertNotNull(forbidden.getEncodedAuthorizationMessage());

        ServiceResponseException wrongCodes = refused(400, () -> iam.enableMfaDeviceV5(new EnableMfaDeviceV5Request().withBody(
                new EnableMfaDeviceReqBody().withUserId(bob).withSerialNumber("iam::" + acme.accountId + ":mfa:bob-phone")
                        .withAuthenticationCodeFirst("000000").withAuthenticationCodeSecond("111111"))));
        assertEquals("IAM.1002", wrongCodes.getErrorCode());
        refused(401, () -> client(acme.adminKey.id().value(), "wrong-secret-wrong-secret-wrong", acme.accountId.value(), null)
                .listMfaDevicesV5(new ListMfaDevicesV5Request()));
        refused(403, () -> client(acme.adminKey.id().value(), acme.adminKey.secret().reveal(), globex.accountId.value(), null)
                .listMfaDevicesV5(new ListMfaDevicesV5Request()));
    }

    @Test
    void aUserManagesItsOwnDeviceWithTemporaryCredentialsAndTheirToken() {
        TemporaryCredential sts = ((IssueTemporaryCredentialsUseCase.Issued) server.useCases.issueTemporaryCredentials().issue(
                new IssueTemporaryCredentialsUseCase.Command(acme.userPrincipal(), java.util.Optional.empty(), Duration.ofHours(1), java.util.Optional.empty())))
                .credential();
        String alice = acme.user.id().value();
        IamClient withToken = client(sts.accessKeyId().value(), sts.secret().reveal(), acme.accountId.value(), sts.sessionToken().reveal());
        assertEquals(1, withToken.listMfaDevicesV5(new ListMfaDevicesV5Request().withUserId(alice)).getMfaDevices().size());
        IamClient withoutToken = client(sts.accessKeyId().value(), sts.secret().reveal(), acme.accountId.value(), null);
        refused(401, () -> withoutToken.listMfaDevicesV5(new ListMfaDevicesV5Request().withUserId(alice)));
        // A user sees its own devices, not the account's.
        refused(403, () -> withToken.listMfaDevicesV5(new ListMfaDevicesV5Request()));
    }

    // ---- what the SDK cannot send ----

    private HttpResponse<String> raw(String method, String pathAndQuery, String body, Instant signedAt, String secret) throws Exception {
        return HuaweiTestSigner.send(server, method, pathAndQuery, body, signedAt, acme.adminKey.id().value(), secret);
    }

    @Test
    void aRawRequestSignedLikeTheSdkIsAccepted() throws Exception {
        HttpResponse<String> response = raw("GET", "/v5/mfa-devices?limit=5&user_id=" + acme.user.id(), null, server.clock.instant(), acme.adminKey.secret().reveal());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("X-Request-Id").isPresent());
        // The last page leaves next_marker out rather than sending null; a page with more after it names it.
        assertTrue(response.body().endsWith("\"page_info\":{\"current_count\":1}}"), response.body());
        createDevice(admin(), newUser("carol"), "carol-phone");
        HttpResponse<String> firstOfTwo = raw("GET", "/v5/mfa-devices?limit=1", null, server.clock.instant(), acme.adminKey.secret().reveal());
        assertTrue(firstOfTwo.body().contains("\"next_marker\":\""), firstOfTwo.body());
    }

    @Test
    void enablingCodesAreAtMostTwelveCharacters() throws Exception {
        String bob = newUser("bob");
        createDevice(admin(), bob, "bob-phone");
        String serial = "iam::" + acme.accountId + ":mfa:bob-phone";
        String tooLong = "{\"user_id\":\"" + bob + "\",\"serial_number\":\"" + serial + "\",\"authentication_code_first\":\"1234567890123\","
                + "\"authentication_code_second\":\"123456\"}";
        HttpResponse<String> refused = raw("POST", "/v5/mfa-devices/enable", tooLong, server.clock.instant(), acme.adminKey.secret().reveal());
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().startsWith("{\"error_code\":\"IAM.1001\""), refused.body());
        String twelve = tooLong.replace("1234567890123", "123456789012");
        HttpResponse<String> wrong = raw("POST", "/v5/mfa-devices/enable", twelve, server.clock.instant(), acme.adminKey.secret().reveal());
        assertEquals(400, wrong.statusCode());
        assertTrue(wrong.body().startsWith("{\"error_code\":\"IAM.1002\""), "twelve characters are judged, and wrong: " + wrong.body());
    }

    @Test
    void badSignaturesSkewAndMalformedJsonAreRefusedInTheEnvelope() throws Exception {
        HttpResponse<String> badSecret = raw("GET", "/v5/mfa-devices", null, server.clock.instant(), "not-the-secret-not-the-secret-xx");
        assertEquals(401, badSecret.statusCode());
        assertTrue(badSecret.body().startsWith("{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information"), badSecret.body());
        String requestId = badSecret.headers().firstValue("X-Request-Id").orElseThrow();
        assertTrue(badSecret.body().contains("\"request_id\":\"" + requestId + "\""));

        assertEquals(200, raw("GET", "/v5/mfa-devices", null, server.clock.instant().minus(Duration.ofMinutes(15)), acme.adminKey.secret().reveal()).statusCode());
        assertEquals(401, raw("GET", "/v5/mfa-devices", null, server.clock.instant().minus(Duration.ofMinutes(15)).minusSeconds(1),
                acme.adminKey.secret().reveal()).statusCode());
        assertEquals(401, raw("GET", "/v5/mfa-devices", null, server.clock.instant().plus(Duration.ofMinutes(16)), acme.adminKey.secret().reveal()).statusCode());

        HttpResponse<String> malformed = raw("POST", "/v5/virtual-mfa-devices", "{\"virtual_mfa_device_name\":", server.clock.instant(), acme.adminKey.secret().reveal());
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body().startsWith("{\"error_code\":\"IAM.1001\""), malformed.body());
        HttpResponse<String> wrongType = raw("POST", "/v5/virtual-mfa-devices", "{\"virtual_mfa_device_name\":7,\"user_id\":\"x\"}", server.clock.instant(),
                acme.adminKey.secret().reveal());
        assertEquals(400, wrongType.statusCode());

        HttpResponse<String> unknown = raw("GET", "/v5/nothing", null, server.clock.instant(), acme.adminKey.secret().reveal());
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().startsWith("{\"error_code\":"), unknown.body());
        assertTrue(unknown.headers().firstValue("X-Request-Id").isPresent());
    }
}
