package io.gatekey.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.port.in.credential.RevokeTemporaryCredentialsUseCase;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKeyId;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The NCP doors through a real socket, signed as NCP's SDK signs; run on H2 and on MariaDB. */
abstract class NcpDoorContract extends DoorContract {

    private static final String MFA_FAILED = "{\"error\":{\"errorCode\":\"401\",\"message\":\"MultiFactorAuthentication failed with invalid MFA one time pass code\"}}";
    private static final String AUTH_FAILED = "{\"error\":{\"errorCode\":\"200\",\"message\":\"Authentication Failed\",\"details\":\"Invalid authentication information.\"}}";
    private static final String AUTH_MISSING = "{\"error\":{\"errorCode\":\"200\",\"message\":\"Authentication Failed\",\"details\":\"Authentication information are missing.\"}}";

    private String mfaBody(String code) {
        return "{\"serialNumber\":\"" + acme.serial + "\",\"tokenCode\":\"" + code + "\"}";
    }

    // ---- STS ----

    @Test
    void aUserKeyWithAValidCodeGetsMfaBackedStsCredentials() {
        HttpResponse<String> response = acme.user().send("POST", "/api/v1/credentials", mfaBody(acme.code(1)));
        assertEquals(200, response.statusCode(), response.body());
        Map<String, Object> body = acme.json(response.body());
        assertEquals(List.of("accessKey", "keySecret", "createTime", "expireTime", "useMfa"), List.copyOf(body.keySet()));
        assertTrue(((String) body.get("accessKey")).startsWith("GKST"));
        assertEquals(40, ((String) body.get("keySecret")).length());
        assertEquals(Boolean.TRUE, body.get("useMfa"));
        Instant created = Instant.parse((String) body.get("createTime"));
        Instant expires = Instant.parse((String) body.get("expireTime"));
        assertTrue(((String) body.get("createTime")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        assertEquals(Duration.ofSeconds(3600), Duration.between(created, expires));
    }

    @Test
    void theDocumentsPathWithoutPrefixWorksToo() {
        HttpResponse<String> response = acme.user().send("POST", "/credentials", "{\"durationSec\":900}");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(Boolean.FALSE, acme.json(response.body()).get("useMfa"));
    }

    @ParameterizedTest(name = "durationSec {0} -> {1}")
    @CsvSource({"599, 400", "600, 200", "43200, 200", "43201, 400"})
    void durationBounds(long seconds, int status) {
        HttpResponse<String> response = acme.user().send("POST", "/api/v1/credentials", "{\"durationSec\":" + seconds + "}");
        assertEquals(status, response.statusCode(), response.body());
        if (status == 400) {
            assertEquals("{\"error\":{\"errorCode\":\"400\",\"message\":\"durationSec can be used only in the following scope\","
                    + "\"details\":\"valid range: 600 - 43200 : [durationSec]\"}}", response.body());
        } else {
            Map<String, Object> body = acme.json(response.body());
            assertEquals(Duration.ofSeconds(seconds), Duration.between(Instant.parse((String) body.get("createTime")), Instant.parse((String) body.get("expireTime"))));
        }
    }

    @Test
    void wrongAndReplayedCodesAreRefusedWithTheDocumentsMessage() {
        String code = acme.code(1);
        assertEquals(401, acme.user().send("POST", "/api/v1/credentials", mfaBody(acme.code(5))).statusCode());
        assertEquals(200, acme.user().send("POST", "/api/v1/credentials", mfaBody(code)).statusCode());
        HttpResponse<String> replay = acme.user().send("POST", "/api/v1/credentials", mfaBody(code));
        assertEquals(401, replay.statusCode());
        assertEquals(MFA_FAILED, replay.body());
    }

    @Test
    void anIntegerTokenCodeIsReadAsSixDigits() {
        String code = acme.code(1);
        HttpResponse<String> response = acme.user().send("POST", "/api/v1/credentials",
                "{\"serialNumber\":\"" + acme.serial + "\",\"tokenCode\":" + Integer.parseInt(code) + "}");
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void aCodeWithSpacesIsRefused() {
        String code = acme.code(1);
        HttpResponse<String> response = acme.user().send("POST", "/api/v1/credentials", mfaBody(" " + code));
        assertEquals(401, response.statusCode());
        assertEquals(200, acme.user().send("POST", "/api/v1/credentials", mfaBody(code)).statusCode());
    }

    @Test
    void aCodeWithoutSerialOrSerialWithoutCodeIsABadRequest() {
        assertEquals(400, acme.user().send("POST", "/api/v1/credentials", "{\"tokenCode\":\"123456\"}").statusCode());
        assertEquals(400, acme.user().send("POST", "/api/v1/credentials", "{\"serialNumber\":\"" + acme.serial + "\"}").statusCode());
        HttpResponse<String> badSerial = acme.user().send("POST", "/api/v1/credentials", "{\"serialNumber\":\"phone\",\"tokenCode\":\"123456\"}");
        assertEquals(400, badSerial.statusCode());
    }

    @Test
    void malformedJsonAndWrongTypesAreBadRequestsInTheEnvelope() {
        HttpResponse<String> malformed = acme.user().send("POST", "/api/v1/credentials", "{\"durationSec\":");
        assertEquals(400, malformed.statusCode());
        assertEquals("400", ((Map<?, ?>) acme.json(malformed.body()).get("error")).get("errorCode"));
        HttpResponse<String> wrongType = acme.user().send("POST", "/api/v1/credentials", "{\"durationSec\":\"soon\"}");
        assertEquals(400, wrongType.statusCode());
        assertEquals("durationSec must be an integer", ((Map<?, ?>) acme.json(wrongType.body()).get("error")).get("message"));
        assertEquals(400, acme.user().send("POST", "/api/v1/credentials", "[1,2]").statusCode());
        assertEquals(400, acme.user().send("POST", "/api/v1/credentials", "{\"durationSec\":3600.5}").statusCode());
    }

    @Test
    void aTemporaryKeyNeedsAFreshCodeToGetAnother() {
        Map<String, Object> sts = acme.json(acme.user().send("POST", "/api/v1/credentials", mfaBody(acme.code(1))).body());
        NcpClient temporary = new NcpClient(server, (String) sts.get("accessKey"), (String) sts.get("keySecret"));

        HttpResponse<String> withoutCode = temporary.send("POST", "/api/v1/credentials", "{}");
        assertEquals(403, withoutCode.statusCode(), withoutCode.body());
        server.clock.advance(Duration.ofSeconds(60));
        assertEquals(200, temporary.send("POST", "/api/v1/credentials", mfaBody(acme.code(0))).statusCode());
    }

    @Test
    void aTemporaryKeyDescribesItselfUntilRevokedOrExpired() {
        Map<String, Object> sts = acme.json(acme.user().send("POST", "/api/v1/credentials", "{\"durationSec\":600}").body());
        NcpClient temporary = new NcpClient(server, (String) sts.get("accessKey"), (String) sts.get("keySecret"));

        HttpResponse<String> described = temporary.send("GET", "/api/v1/credentials", null);
        assertEquals(200, described.statusCode(), described.body());
        assertEquals(sts, acme.json(described.body()));

        server.clock.advance(Duration.ofSeconds(600));
        HttpResponse<String> expired = temporary.send("GET", "/api/v1/credentials", null);
        assertEquals(404, expired.statusCode());
        assertEquals("{\"error\":{\"errorCode\":\"404\",\"message\":\"Invalid or expired access key/STS\"}}", expired.body());
    }

    @Test
    void aRevokedTemporaryKeyIsGone() {
        Map<String, Object> sts = acme.json(acme.user().send("POST", "/api/v1/credentials", "{}").body());
        NcpClient temporary = new NcpClient(server, (String) sts.get("accessKey"), (String) sts.get("keySecret"));
        server.useCases.revokeTemporaryCredentials().revoke(new RevokeTemporaryCredentialsUseCase.Command(new Principal.Operator(),
                new RevokeTemporaryCredentialsUseCase.One(new AccessKeyId((String) sts.get("accessKey")))));
        assertEquals(404, temporary.send("GET", "/api/v1/credentials", null).statusCode());
        assertEquals(401, temporary.send("POST", "/api/v1/credentials", "{}").statusCode());
    }

    @Test
    void aLongTermKeyDescribesItselfWithoutItsSecret() {
        HttpResponse<String> response = acme.user().send("GET", "/api/v1/credentials", null);
        assertEquals(200, response.statusCode());
        Map<String, Object> body = acme.json(response.body());
        assertEquals(acme.userKey.id().value(), body.get("accessKey"));
        assertEquals(Boolean.FALSE, body.get("useMfa"));
        assertNull(body.get("keySecret"));
    }

    @Test
    void theAccountsAdminGetsNoStsKeys() {
        assertEquals(403, acme.admin().send("POST", "/api/v1/credentials", "{}").statusCode());
    }

    // ---- signature v2 ----

    @Test
    void missingHeadersAreReportedAsMissing() {
        HttpResponse<String> response = acme.user().raw("POST", "/api/v1/credentials", "{}", "application/json",
                "x-ncp-iam-access-key", acme.userKey.id().value());
        assertEquals(401, response.statusCode());
        assertEquals(AUTH_MISSING, response.body());
    }

    @Test
    void badSignaturesUnknownKeysAndTamperedRequestsAreRefused() {
        long now = server.clock.millis();
        String key = acme.userKey.id().value();
        String wrongSecret = NcpClient.sign("not-the-secret-not-the-secret-0123456789", "GET", "/api/v1/credentials", now, key);
        HttpResponse<String> bad = acme.user().raw("GET", "/api/v1/credentials", null, null,
                "x-ncp-apigw-timestamp", Long.toString(now), "x-ncp-iam-access-key", key, "x-ncp-apigw-signature-v2", wrongSecret);
        assertEquals(401, bad.statusCode());
        assertEquals(AUTH_FAILED, bad.body());

        String signedForOtherQuery = NcpClient.sign(acme.userKey.secret().reveal(), "GET", "/api/v1/sub-accounts?page=0", now, key);
        assertEquals(401, acme.user().raw("GET", "/api/v1/sub-accounts?page=1", null, null,
                "x-ncp-apigw-timestamp", Long.toString(now), "x-ncp-iam-access-key", key, "x-ncp-apigw-signature-v2", signedForOtherQuery).statusCode());
        String signedForOtherPath = NcpClient.sign(acme.userKey.secret().reveal(), "GET", "/credentials", now, key);
        assertEquals(401, acme.user().raw("GET", "/api/v1/credentials", null, null,
                "x-ncp-apigw-timestamp", Long.toString(now), "x-ncp-iam-access-key", key, "x-ncp-apigw-signature-v2", signedForOtherPath).statusCode());

        assertEquals(401, new NcpClient(server, "GKAKUNKNOWNUNKNOWNUN", acme.userKey.secret().reveal()).send("GET", "/api/v1/credentials", null).statusCode());
        assertEquals(401, acme.user().raw("GET", "/api/v1/credentials", null, null,
                "x-ncp-apigw-timestamp", "yesterday", "x-ncp-iam-access-key", key, "x-ncp-apigw-signature-v2", "AAAA").statusCode());
        assertEquals(401, acme.user().raw("GET", "/api/v1/credentials", null, null,
                "x-ncp-apigw-timestamp", Long.toString(now), "x-ncp-iam-access-key", key, "x-ncp-apigw-signature-v2", "***").statusCode());
    }

    @ParameterizedTest(name = "{0} ms off -> {1}")
    @CsvSource({"-299999, 200", "299999, 200", "-300000, 401", "300000, 401"})
    void timestampsFiveMinutesOffAreRefused(long offsetMillis, int status) {
        HttpResponse<String> response = acme.user().sendAt("GET", "/api/v1/credentials", null, server.clock.instant().plusMillis(offsetMillis));
        assertEquals(status, response.statusCode(), response.body());
    }

    @Test
    void anInactiveKeyIsRefused() {
        HttpResponse<String> off = acme.admin().send("PUT", "/api/v1/sub-accounts/" + acme.user.id() + "/access-keys",
                "{\"accessKey\":\"" + acme.userKey.id() + "\",\"active\":false}");
        assertEquals(200, off.statusCode(), off.body());
        assertEquals("{\"success\":true}", off.body());
        assertEquals(401, acme.user().send("GET", "/api/v1/credentials", null).statusCode());
        acme.admin().send("PUT", "/api/v1/sub-accounts/" + acme.user.id() + "/access-keys", "{\"accessKey\":\"" + acme.userKey.id() + "\",\"active\":true}");
        assertEquals(200, acme.user().send("GET", "/api/v1/credentials", null).statusCode());
    }

    // ---- Sub Account ----

    @Test
    void theAdminSetsAndReadsTheLoginAlias() {
        String alias = "a" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        HttpResponse<String> set = acme.admin().send("PUT", "/api/v1/login-alias", "{\"loginAlias\":\"" + alias + "\"}");
        assertEquals(200, set.statusCode(), set.body());
        assertEquals("{\"success\":true}", set.body());
        assertEquals("{\"loginAlias\":\"" + alias + "\"}", acme.admin().send("GET", "/api/v1/login-alias", null).body());
    }

    @ParameterizedTest
    @CsvSource({"ab", "abcdefghijklmnopqrstu", "Abcdef", "abc-def"})
    void invalidAliasesAreRefusedFlat(String alias) {
        HttpResponse<String> response = acme.admin().send("PUT", "/api/v1/login-alias", "{\"loginAlias\":\"" + alias + "\"}");
        assertEquals(400, response.statusCode());
        assertEquals(100, acme.json(response.body()).get("errorCode"));
        assertEquals("loginAlias: 3-20 characters using lowercase English letters and numbers", acme.json(response.body()).get("message"));
    }

    @Test
    void anAliasTakenByAnotherAccountIsAConflictAndUsersCannotSetIt() {
        String alias = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        NcpFixture globex = new NcpFixture(server, "Globex " + UUID.randomUUID().toString().substring(0, 8));
        assertEquals(200, globex.admin().send("PUT", "/api/v1/login-alias", "{\"loginAlias\":\"" + alias + "\"}").statusCode());
        HttpResponse<String> taken = acme.admin().send("PUT", "/api/v1/login-alias", "{\"loginAlias\":\"" + alias + "\"}");
        assertEquals(409, taken.statusCode());
        assertEquals(9013, acme.json(taken.body()).get("errorCode"));
        HttpResponse<String> byUser = acme.user().send("PUT", "/api/v1/login-alias", "{\"loginAlias\":\"mine123\"}");
        assertEquals(401, byUser.statusCode());
        assertEquals("210", ((Map<?, ?>) acme.json(byUser.body()).get("error")).get("errorCode"));
    }

    @Test
    void subAccountsAreCreatedListedReadSwitchedAndDeleted() {
        String bob = "{\"loginId\":\"bob\",\"name\":\"Bob\",\"canAPIGatewayAccess\":true,\"canConsoleAccess\":false,\"needPasswordReset\":false}";
        HttpResponse<String> created = acme.admin().send("POST", "/api/v1/sub-accounts", bob);
        assertEquals(200, created.statusCode(), created.body());
        String bobId = (String) acme.json(created.body()).get("subAccountId");
        assertEquals(409, acme.admin().send("POST", "/api/v1/sub-accounts", bob).statusCode());

        Map<String, Object> page = acme.json(acme.admin().send("GET", "/api/v1/sub-accounts?page=0&size=1", null).body());
        assertEquals(2, page.get("totalItems"));
        assertEquals(2, page.get("totalPages"));
        assertEquals(Boolean.TRUE, page.get("hasNext"));
        assertEquals(1, ((List<?>) page.get("items")).size());
        Map<String, Object> searched = acme.json(acme.admin().send("GET", "/api/v1/sub-accounts?searchColumn=loginId&searchWord=bo", null).body());
        assertEquals(1, searched.get("totalItems"));

        assertEquals("bob", acme.json(acme.admin().send("GET", "/api/v1/sub-accounts/" + bobId, null).body()).get("loginId"));
        HttpResponse<String> off = acme.admin().send("PUT", "/api/v1/sub-accounts/" + bobId, "{\"name\":\"Bob\",\"active\":false}");
        assertEquals(Boolean.FALSE, acme.json(off.body()).get("active"));
        assertEquals("{\"success\":true}", acme.admin().send("DELETE", "/api/v1/sub-accounts/" + bobId, null).body());
        HttpResponse<String> gone = acme.admin().send("GET", "/api/v1/sub-accounts/" + bobId, null);
        assertEquals(401, gone.statusCode());
        assertEquals(30, acme.json(gone.body()).get("errorCode"));
    }

    @Test
    void anotherAccountsSubAccountsStayInvisible() {
        NcpFixture globex = new NcpFixture(server, "Globex " + UUID.randomUUID().toString().substring(0, 8));
        assertEquals(401, globex.admin().send("GET", "/api/v1/sub-accounts/" + acme.user.id(), null).statusCode());
        assertEquals(401, globex.admin().send("DELETE", "/api/v1/sub-accounts/" + acme.user.id(), null).statusCode());
        assertEquals(401, globex.admin().send("POST", "/api/v1/sub-accounts/" + acme.user.id() + "/access-keys", null).statusCode());
    }

    @Test
    void accessKeysAreCreatedListedAndLimitedToTwo() {
        HttpResponse<String> created = acme.admin().send("POST", "/api/v1/sub-accounts/" + acme.user.id() + "/access-keys", null);
        assertEquals(200, created.statusCode(), created.body());
        Map<String, Object> key = acme.json(created.body());
        assertEquals(List.of("accessKey", "keySecret", "createTime"), List.copyOf(key.keySet()));
        NcpClient second = new NcpClient(server, (String) key.get("accessKey"), (String) key.get("keySecret"));
        assertEquals(200, second.send("GET", "/api/v1/credentials", null).statusCode());

        Map<String, Object> listed = acme.json(acme.admin().send("GET", "/api/v1/sub-accounts/" + acme.user.id() + "/access-keys", null).body());
        assertEquals(2, listed.get("totalItems"));
        assertTrue(listed.toString().indexOf("keySecret") < 0);

        HttpResponse<String> third = acme.admin().send("POST", "/api/v1/sub-accounts/" + acme.user.id() + "/access-keys", null);
        assertEquals(409, third.statusCode());
        assertEquals(9012, acme.json(third.body()).get("errorCode"));
    }

    // ---- the server ----

    @Test
    void unknownRoutesWrongMethodsAndBadBodiesGetTheEnvelope() {
        HttpResponse<String> unknown = acme.user().send("GET", "/api/v1/nothing-here", null);
        assertEquals(404, unknown.statusCode());
        assertEquals("{\"error\":{\"errorCode\":\"300\",\"message\":\"Not Found Exception\",\"details\":\"URL not found.\"}}", unknown.body());
        HttpResponse<String> wrongMethod = acme.user().send("PATCH", "/api/v1/credentials", "{}");
        assertEquals(405, wrongMethod.statusCode());
        assertTrue(wrongMethod.body().startsWith("{\"error\":{"), wrongMethod.body());
        HttpResponse<String> tooLarge = acme.user().send("POST", "/api/v1/credentials", "{\"pad\":\"" + "x".repeat(70_000) + "\"}");
        assertEquals(413, tooLarge.statusCode());
        assertTrue(tooLarge.body().startsWith("{\"error\":{"), tooLarge.body());
        HttpResponse<String> wrongType = acme.user().raw("POST", "/api/v1/credentials", "durationSec=600", "application/x-www-form-urlencoded");
        assertEquals(415, wrongType.statusCode());
        assertTrue(wrongType.body().startsWith("{\"error\":{"), wrongType.body());
        HttpResponse<String> badId = acme.admin().send("GET", "/api/v1/sub-accounts/bad.id", null);
        assertEquals(400, badId.statusCode());
        assertEquals(100, acme.json(badId.body()).get("errorCode"));
        assertNotEquals(500, acme.admin().send("PUT", "/api/v1/sub-accounts/" + acme.user.id(), "{\"active\":\"yes\"}").statusCode());
    }

    @Test
    void healthReportsTheDatabase() {
        HttpResponse<String> health = acme.user().raw("GET", "/health", null, null);
        assertEquals(200, health.statusCode());
        assertEquals("{\"status\":\"UP\"}", health.body());
    }
}
