package io.gatekey.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.port.in.mfa.EnableMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.ImportHardwareTokenUseCase;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.mfa.MfaDevice;
import io.gatekey.domain.mfa.MfaDeviceName;
import io.gatekey.domain.mfa.Totp;
import io.gatekey.domain.mfa.TotpAlgorithm;
import io.gatekey.domain.mfa.TotpParameters;
import io.gatekey.domain.mfa.TotpSeed;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tencent's v2 GetSessionToken through a real socket: GET and POST, both signature methods, every code. */
abstract class TencentDoorContract extends DoorContract {

    private static final String MFA_FAILED = "{\"code\":4106,\"message\":\"(60006)MFA Invalid\",\"codeDesc\":\"MFACheckFailed\",\"data\":[]}";

    TencentClient user() {
        return new TencentClient(server, acme.userKey.id().value(), acme.userKey.secret().reveal(), null);
    }

    Map<String, Object> json(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), "v2 answers every outcome with HTTP 200");
        return acme.json(response.body());
    }

    int code(HttpResponse<String> response) {
        return (Integer) json(response).get("code");
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({"GET, HmacSHA1", "GET, HmacSHA256", "FORM, HmacSHA1", "FORM, HmacSHA256", "MULTIPART, HmacSHA1", "MULTIPART, HmacSHA256"})
    void aValidCodeGetsASessionToken(TencentClient.Style style, String algorithm) {
        HttpResponse<String> response = user().call(style, algorithm, Map.of("tokenCode", acme.code(1)));
        Map<String, Object> body = json(response);
        assertEquals(0, body.get("code"), response.body());
        assertEquals("", body.get("message"));
        assertEquals("Success", body.get("codeDesc"));
        Map<?, ?> data = (Map<?, ?>) body.get("data");
        Map<?, ?> credentials = (Map<?, ?>) data.get("credentials");
        assertTrue(((String) credentials.get("tmpSecretId")).startsWith("GKST"));
        assertEquals(40, ((String) credentials.get("tmpSecretKey")).length());
        assertEquals(64, ((String) credentials.get("sessionToken")).length());
        // The seed's table calls it token, its example sessionToken: both carry the same value.
        assertEquals(credentials.get("sessionToken"), credentials.get("token"));
        assertEquals(server.clock.instant().plusSeconds(1800), Instant.parse((String) data.get("expiredTime")));
    }

    @ParameterizedTest(name = "durationSeconds {0} -> code {1}")
    @CsvSource({"299, 4000", "300, 0", "7200, 0", "7201, 4000", "soon, 4000"})
    void durationBounds(String seconds, int expected) {
        server.clock.advance(Duration.ofSeconds(30));
        HttpResponse<String> response = user().call(TencentClient.Style.GET, "HmacSHA256", Map.of("tokenCode", acme.code(0), "durationSeconds", seconds));
        assertEquals(expected, code(response), response.body());
        if (expected == 0) {
            Map<?, ?> data = (Map<?, ?>) json(response).get("data");
            assertEquals(server.clock.instant().plusSeconds(Long.parseLong(seconds)), Instant.parse((String) data.get("expiredTime")));
        }
    }

    @Test
    void wrongReplayedAndMissingCodes() {
        assertEquals(MFA_FAILED, user().call(TencentClient.Style.GET, "HmacSHA1", Map.of("tokenCode", acme.code(7))).body());
        String fresh = acme.code(1);
        assertEquals(0, code(user().call(TencentClient.Style.GET, "HmacSHA1", Map.of("tokenCode", fresh))));
        assertEquals(MFA_FAILED, user().call(TencentClient.Style.FORM, "HmacSHA1", Map.of("tokenCode", fresh)).body());
        assertEquals(4000, code(user().call(TencentClient.Style.GET, "HmacSHA1", Map.of())));
        assertEquals(4000, code(user().call(TencentClient.Style.GET, "HmacSHA1", Map.of("tokenCode", acme.code(2), "tokenType", "yubiToken"))));
    }

    @Test
    void aHardTokenCodeIsCheckedAgainstTheUsersHardwareToken() {
        assertEquals(MFA_FAILED, user().call(TencentClient.Style.GET, "HmacSHA1", Map.of("tokenCode", acme.code(1), "tokenType", "hardToken")).body());
        TotpSeed seed = TotpSeed.fromBase32("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
        TotpParameters parameters = new TotpParameters(TotpAlgorithm.SHA1, 6, 60);
        MfaDevice token = server.useCases.importHardwareToken().importToken(new ImportHardwareTokenUseCase.Command(new Principal.Operator(),
                acme.user.id(), new MfaDeviceName("token-" + UUID.randomUUID().toString().substring(0, 6)), seed, parameters));
        long step = Totp.stepAt(server.clock.instant(), 60);
        server.useCases.enableMfaDevice().enable(new EnableMfaDeviceUseCase.Command(new Principal.Operator(), acme.user.id(),
                token.serialNumber(), Totp.code(seed, parameters, step - 1), Totp.code(seed, parameters, step)));
        HttpResponse<String> response = user().call(TencentClient.Style.MULTIPART, "HmacSHA256",
                Map.of("tokenCode", Totp.code(seed, parameters, step + 1), "tokenType", "hardToken"));
        assertEquals(0, code(response), response.body());
    }

    @Test
    void signatureSecretIdTimestampNonceAndActionFailures() {
        TencentClient client = user();
        TreeMap<String, String> tampered = client.signed(Map.of("tokenCode", acme.code(1)), "GET", "HmacSHA1");
        tampered.put("durationSeconds", "600");
        assertEquals(4100, code(client.send(TencentClient.Style.GET, tampered)));
        TreeMap<String, String> signedForPost = client.signed(Map.of("tokenCode", acme.code(1)), "POST", "HmacSHA1");
        assertEquals(4100, code(client.send(TencentClient.Style.GET, signedForPost)));

        assertEquals(4104, code(new TencentClient(server, "GKAKUNKNOWNUNKNOWNUN", "whatever-secret-whatever", null)
                .call(TencentClient.Style.GET, "HmacSHA1", Map.of("tokenCode", "123456"))));

        String stale = Long.toString(server.clock.instant().minusSeconds(300).getEpochSecond());
        assertEquals(4500, code(client.call(TencentClient.Style.GET, "HmacSHA1", Map.of("tokenCode", acme.code(1), "Timestamp", stale))));
        String almostStale = Long.toString(server.clock.instant().minusSeconds(299).getEpochSecond());
        assertEquals(0, code(client.call(TencentClient.Style.GET, "HmacSHA1", Map.of("tokenCode", acme.code(1), "Timestamp", almostStale))));

        TreeMap<String, String> once = client.signed(Map.of("tokenCode", acme.code(2), "Nonce", "31337"), "GET", "HmacSHA1");
        assertEquals(MFA_FAILED, client.send(TencentClient.Style.GET, once).body());
        HttpResponse<String> replay = client.send(TencentClient.Style.GET, once);
        assertEquals(4500, code(replay));
        assertEquals("RequestReplay", json(replay).get("codeDesc"));

        assertEquals(6100, code(client.call(TencentClient.Style.GET, "HmacSHA1", Map.of("Action", "AssumeRole"))));
        assertEquals(4000, code(client.send(TencentClient.Style.GET, Map.of())));
    }

    @Test
    void temporaryCredentialsSignWithTheirToken() {
        Map<?, ?> first = (Map<?, ?>) ((Map<?, ?>) json(user().call(TencentClient.Style.GET, "HmacSHA256", Map.of("tokenCode", acme.code(1)))).get("data")).get("credentials");
        server.clock.advance(Duration.ofSeconds(60));
        TencentClient withToken = new TencentClient(server, (String) first.get("tmpSecretId"), (String) first.get("tmpSecretKey"), (String) first.get("sessionToken"));
        assertEquals(0, code(withToken.call(TencentClient.Style.FORM, "HmacSHA256", Map.of("tokenCode", acme.code(0)))));
        TencentClient withoutToken = new TencentClient(server, (String) first.get("tmpSecretId"), (String) first.get("tmpSecretKey"), null);
        assertEquals(4105, code(withoutToken.call(TencentClient.Style.FORM, "HmacSHA256", Map.of("tokenCode", acme.code(1)))));
    }

    @Test
    void theAccountsAdminIsRefusedAndMalformedRequestsStayInTheEnvelope() {
        TencentClient admin = new TencentClient(server, acme.adminKey.id().value(), acme.adminKey.secret().reveal(), null);
        assertEquals(4300, code(admin.call(TencentClient.Style.GET, "HmacSHA1", Map.of("tokenCode", acme.code(1)))));
        assertEquals(4000, code(user().call(TencentClient.Style.GET, "HmacMD5", Map.of("tokenCode", acme.code(1), "SignatureMethod", "HmacMD5"))));
        assertEquals(4000, code(user().send(TencentClient.Style.GET, Map.of("Action", "GetSessionToken"))));
    }
}
