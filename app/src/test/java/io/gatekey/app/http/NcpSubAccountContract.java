package io.gatekey.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.port.in.account.CreateSubAccountUseCase;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.SubAccountName;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * NCP's Sub Account API as its pages document it (createsubaccount, getsubaccount(s), putsubaccount, createaccesskey,
 * suspendkey, deletekey, putpassword): fields, required-ness, bounds, answers and statuses, and what the fields
 * promise enforced at every door. Through a real socket, signed as NCP's SDK signs; on H2 and on MariaDB.
 */
abstract class NcpSubAccountContract extends DoorContract {

    private static final String BOB = "{\"loginId\":\"bob\",\"name\":\"Bob Builder\",\"canAPIGatewayAccess\":true,"
            + "\"canConsoleAccess\":false,\"needPasswordReset\":false";

    private HttpResponse<String> create(String body) {
        return acme.admin().send("POST", "/api/v1/sub-accounts", body);
    }

    private Map<String, Object> created(String body) {
        HttpResponse<String> response = create(body);
        assertEquals(200, response.statusCode(), response.body());
        return acme.json(response.body());
    }

    private int errorCode(HttpResponse<String> response) {
        return ((Number) acme.json(response.body()).get("errorCode")).intValue();
    }

    @Test
    void createRequiresNcpsFiveFieldsAndKeepsEveryOther() {
        for (String missing : List.of("loginId", "name", "canAPIGatewayAccess", "canConsoleAccess", "needPasswordReset")) {
            String body = (BOB + "}").replaceAll("\"" + missing + "\":(\"[^\"]*\"|true|false),?", "").replace(",}", "}");
            HttpResponse<String> refused = create(body);
            assertEquals(400, refused.statusCode(), missing + ": " + refused.body());
            assertEquals(100, errorCode(refused));
            assertTrue(refused.body().contains(missing), refused.body());
        }
        assertEquals(400, create(BOB.replace("\"bob\"", "\"bo\"") + "}").statusCode(), "loginId of 2 characters");
        assertEquals(400, create(BOB.replace("\"bob\"", "\"" + "b".repeat(61) + "\"") + "}").statusCode(), "loginId of 61 characters");
        assertEquals(400, create(BOB.replace("Bob Builder", "B") + "}").statusCode(), "name of 1 character");
        assertEquals(400, create(BOB + ",\"email\":\"a@b.c\"}").statusCode(), "email of 5 characters");
        assertEquals(400, create(BOB + ",\"memo\":\"" + "\u00e9".repeat(151) + "\"}").statusCode(), "memo of 302 bytes");
        assertEquals(400, create(BOB + ",\"useApiAllowSource\":true,\"apiAllowSources\":[{\"type\":\"IP\",\"source\":\"example.com\"}]}").statusCode());

        Map<String, Object> bob = created(BOB + ",\"email\":\"bob@example.com\",\"memo\":\"night shift\",\"isMfaMandatory\":true,"
                + "\"useApiAllowSource\":true,\"apiAllowSources\":[{\"type\":\"IP\",\"source\":\"203.0.113.0/24\"}],"
                + "\"consolePermitIps\":[\"198.51.100.0/24\"]}");
        assertEquals(List.of("subAccountId", "subAccountNo", "nrn", "loginId", "name", "email", "memo", "active", "canAPIGatewayAccess",
                "useApiAllowSource", "apiAllowSources", "canConsoleAccess", "isMfaMandatory", "needPasswordReset", "useConsolePermitIp",
                "consolePermitIps", "createTime", "modifiedTime", "lastLoginTime"), List.copyOf(bob.keySet()));
        assertEquals(2, ((Number) bob.get("subAccountNo")).intValue(), "the fixture's user is number 1");
        assertEquals("bob", bob.get("loginId"));
        assertEquals("Bob Builder", bob.get("name"));
        assertEquals("bob@example.com", bob.get("email"));
        assertEquals("night shift", bob.get("memo"));
        assertEquals(List.of(Map.of("type", "IP", "source", "203.0.113.0/24")), bob.get("apiAllowSources"));
        assertEquals(List.of("198.51.100.0/24"), bob.get("consolePermitIps"));
        assertEquals(Boolean.TRUE, bob.get("useConsolePermitIp"));
        assertEquals(Boolean.TRUE, bob.get("isMfaMandatory"));
        assertNull(bob.get("lastLoginTime"));
        assertTrue(((String) bob.get("nrn")).startsWith("nrn:PUB:IAM::"));
        assertEquals(bob, acme.json(acme.admin().send("GET", "/api/v1/sub-accounts/" + bob.get("subAccountId"), null).body()));

        HttpResponse<String> again = create(BOB + "}");
        assertEquals(409, again.statusCode());
    }

    @Test
    void consoleAccessNeedsAPasswordGivenOrGeneratedAndGeneratedOnesAreAnsweredOnce() {
        String console = BOB.replace("\"canConsoleAccess\":false", "\"canConsoleAccess\":true");
        HttpResponse<String> none = create(console + "}");
        assertEquals(400, none.statusCode());
        assertTrue(none.body().contains("password"), none.body());
        assertEquals(400, create(console + ",\"password\":\"weakpassword\"}").statusCode());
        Map<String, Object> generated = created(console + ",\"needPasswordGenerate\":true}");
        String password = (String) generated.get("generatedPassword");
        assertEquals(16, password.length());
        assertNull(acme.json(acme.admin().send("GET", "/api/v1/sub-accounts/" + generated.get("subAccountId"), null).body()).get("generatedPassword"));

        String path = "/api/v1/sub-accounts/" + generated.get("subAccountId") + "/password";
        assertEquals("{\"success\":true,\"generatedPassword\":null}", acme.admin().send("PUT", path, "{\"password\":\"Corr3ct!Horse\"}").body());
        Map<String, Object> regenerated = acme.json(acme.admin().send("PUT", path, "{\"needPasswordGenerate\":true,\"needPasswordReset\":true}").body());
        assertEquals(Boolean.TRUE, regenerated.get("success"));
        assertEquals(16, ((String) regenerated.get("generatedPassword")).length());
        assertEquals(Boolean.TRUE, acme.json(acme.admin().send("GET", "/api/v1/sub-accounts/" + generated.get("subAccountId"), null).body())
                .get("needPasswordReset"));
        HttpResponse<String> weak = acme.admin().send("PUT", path, "{\"password\":\"short\"}");
        assertEquals(400, weak.statusCode());
        assertEquals(100, errorCode(weak));
    }

    @Test
    void anUpdateRequiresTheNameAndKeepsWhatItDoesNotName() {
        String path = "/api/v1/sub-accounts/" + acme.user.id();
        HttpResponse<String> activeOnly = acme.admin().send("PUT", path, "{\"active\":false}");
        assertEquals(400, activeOnly.statusCode());
        assertTrue(activeOnly.body().contains("name"), activeOnly.body());
        HttpResponse<String> renamed = acme.admin().send("PUT", path, "{\"name\":\"Alice B\",\"email\":\"a@example.com\"}");
        assertEquals(200, renamed.statusCode(), renamed.body());
        Map<String, Object> body = acme.json(renamed.body());
        assertEquals("Alice B", body.get("name"));
        assertEquals("a@example.com", body.get("email"));
        assertEquals(Boolean.TRUE, body.get("active"), "active is optional and kept");
        assertEquals("alice", body.get("loginId"));
        Map<String, Object> off = acme.json(acme.admin().send("PUT", path, "{\"name\":\"Alice B\",\"active\":false,\"memo\":\"away\"}").body());
        assertEquals(Boolean.FALSE, off.get("active"));
        assertEquals("a@example.com", off.get("email"), "kept");
        assertEquals("away", off.get("memo"));
        assertEquals(401, acme.user().send("GET", "/api/v1/credentials", null).statusCode(), "an inactive user's key signs nothing");
    }

    @Test
    void missingThingsAnswerWithNcpsStatuses() {
        HttpResponse<String> noUser = acme.admin().send("GET", "/api/v1/sub-accounts/0123456789abcdef0123456789abcdef", null);
        assertEquals(401, noUser.statusCode());
        assertEquals(30, errorCode(noUser));
        NcpFixture globex = new NcpFixture(server, "Globex " + java.util.UUID.randomUUID().toString().substring(0, 8));
        HttpResponse<String> elsewhere = globex.admin().send("GET", "/api/v1/sub-accounts/" + acme.user.id(), null);
        assertEquals(401, elsewhere.statusCode(), "another account's user is as missing as a nonexistent one");
        assertEquals(30, errorCode(elsewhere));
        HttpResponse<String> noKey = acme.admin().send("PUT", "/api/v1/sub-accounts/" + acme.user.id() + "/access-keys",
                "{\"accessKey\":\"GKAKMISSINGMISSINGMI\",\"active\":false}");
        assertEquals(400, noKey.statusCode());
        assertEquals(904, errorCode(noKey));
    }

    @Test
    void twoActiveKeysAtMostAndAnInactiveOneCanBeDeletedToRotate() {
        String keys = "/api/v1/sub-accounts/" + acme.user.id() + "/access-keys";
        Map<String, Object> second = acme.json(acme.admin().send("POST", keys, null).body());
        HttpResponse<String> third = acme.admin().send("POST", keys, null);
        assertEquals(409, third.statusCode());
        assertEquals(9012, errorCode(third));

        HttpResponse<String> suspended = acme.admin().send("PUT", keys, "{\"accessKey\":\"" + acme.userKey.id() + "\",\"active\":false}");
        assertEquals("{\"success\":true}", suspended.body());
        Map<String, Object> rotated = acme.json(acme.admin().send("POST", keys, null).body());
        assertTrue(((String) rotated.get("accessKey")).startsWith("GKAK"), "one inactive and one active key leave room for a new one");
        HttpResponse<String> back = acme.admin().send("PUT", keys, "{\"accessKey\":\"" + acme.userKey.id() + "\",\"active\":true}");
        assertEquals(409, back.statusCode(), "re-enabling would make three active");
        assertEquals(9012, errorCode(back));

        HttpResponse<String> deleted = acme.admin().send("DELETE", keys, "{\"accessKey\":\"" + acme.userKey.id() + "\"}");
        assertEquals("{\"success\":true}", deleted.body());
        assertEquals(401, acme.user().send("GET", "/api/v1/credentials", null).statusCode(), "the deleted key signs nothing");
        Map<String, Object> listed = acme.json(acme.admin().send("GET", keys, null).body());
        assertEquals(2, listed.get("totalItems"));
        assertTrue(listed.toString().contains((String) second.get("accessKey")));
        HttpResponse<String> notThere = acme.admin().send("DELETE", keys, "{\"accessKey\":\"" + acme.userKey.id() + "\"}");
        assertEquals(400, notThere.statusCode());
        assertEquals(904, errorCode(notThere));
    }

    @Test
    void theListSearchesByLoginIdNameOrNumberAndCarriesNcpsFields() {
        created(BOB + "}");
        Map<String, Object> byNumber = acme.json(acme.admin().send("GET", "/api/v1/sub-accounts?searchColumn=subAccountNo&searchWord=2", null).body());
        assertEquals(1, byNumber.get("totalItems"));
        Map<?, ?> item = (Map<?, ?>) ((List<?>) byNumber.get("items")).get(0);
        assertEquals("bob", item.get("loginId"));
        assertEquals("Bob Builder", item.get("name"));
        assertTrue(item.containsKey("nrn") && item.containsKey("modifiedTime") && item.containsKey("canConsoleAccess"), item.toString());
        assertEquals(1, acme.json(acme.admin().send("GET", "/api/v1/sub-accounts?searchColumn=name&searchWord=Builder", null).body()).get("totalItems"));
        assertEquals(0, acme.json(acme.admin().send("GET", "/api/v1/sub-accounts?searchColumn=loginId&searchWord=Builder", null).body()).get("totalItems"));
        assertEquals(400, acme.admin().send("GET", "/api/v1/sub-accounts?searchColumn=email&searchWord=x", null).statusCode());
    }

    @Test
    void anAccountHoldsAtMostFiveHundredSubAccounts() {
        for (int i = 2; i <= 500; i++) {
            server.useCases.createSubAccount().create(new CreateSubAccountUseCase.Command(new Principal.Operator(), acme.accountId,
                    new SubAccountName("user" + i)));
        }
        HttpResponse<String> full = create(BOB + "}");
        assertEquals(409, full.statusCode(), full.body());
        assertEquals(9015, errorCode(full));
        assertEquals("{\"success\":true}", acme.admin().send("DELETE", "/api/v1/sub-accounts/" + acme.user.id(), null).body());
        assertEquals(501, ((Number) created(BOB + "}").get("subAccountNo")).intValue(), "a freed place, a new number");
    }

    @Test
    void withoutApiGatewayAccessItsKeysAndTemporaryCredentialsSignAtNoDoor() throws Exception {
        Map<String, Object> sts = acme.json(acme.user().send("POST", "/api/v1/credentials", "{\"durationSec\":900}").body());
        NcpClient temporary = new NcpClient(server, (String) sts.get("accessKey"), (String) sts.get("keySecret"));
        assertEquals(200, temporary.send("GET", "/api/v1/credentials", null).statusCode());
        TencentClient tencent = new TencentClient(server, acme.userKey.id().value(), acme.userKey.secret().reveal(), null);
        assertEquals(0, ClusterContract.tencentCode(tencent.call(TencentClient.Style.GET, "HmacSHA256", Map.of("tokenCode", acme.code(1)))));

        String path = "/api/v1/sub-accounts/" + acme.user.id();
        assertEquals(200, acme.admin().send("PUT", path, "{\"name\":\"alice\",\"canAPIGatewayAccess\":false}").statusCode());
        assertEquals(401, acme.user().send("GET", "/api/v1/credentials", null).statusCode(), "NCP, long-term key");
        assertEquals(401, temporary.send("GET", "/api/v1/credentials", null).statusCode(), "NCP, temporary key");
        assertNotEquals(0, ClusterContract.tencentCode(tencent.call(TencentClient.Style.GET, "HmacSHA256", Map.of("tokenCode", acme.code(2)))),
                "Tencent");
        assertEquals(401, HuaweiTestSigner.send(server, "GET", "/v5/mfa-devices?user_id=" + acme.user.id(), null, server.clock.instant(),
                acme.userKey.id().value(), acme.userKey.secret().reveal()).statusCode(), "Huawei");

        assertEquals(200, acme.admin().send("PUT", path, "{\"name\":\"alice\",\"canAPIGatewayAccess\":true}").statusCode());
        assertEquals(200, acme.user().send("GET", "/api/v1/credentials", null).statusCode());
    }

    @Test
    void allowedSourcesRefuseEveryOtherAddressUntilTheyNameIt() {
        String path = "/api/v1/sub-accounts/" + acme.user.id();
        HttpResponse<String> elsewhere = acme.admin().send("PUT", path,
                "{\"name\":\"alice\",\"useApiAllowSource\":true,\"apiAllowSources\":[{\"type\":\"IP\",\"source\":\"203.0.113.7\"}]}");
        assertEquals(200, elsewhere.statusCode(), elsewhere.body());
        assertEquals(401, acme.user().send("GET", "/api/v1/credentials", null).statusCode(), "from 127.0.0.1, not an allowed source");
        assertEquals(200, acme.admin().send("GET", path, null).statusCode(), "the admin's own key is not limited");
        assertEquals(400, acme.admin().send("PUT", path, "{\"name\":\"alice\",\"useApiAllowSource\":true,\"apiAllowSources\":[]}").statusCode(),
                "limited to no source at all");

        assertEquals(200, acme.admin().send("PUT", path, "{\"name\":\"alice\",\"apiAllowSources\":[{\"type\":\"IP\",\"source\":\"203.0.113.7\"},"
                + "{\"type\":\"IP\",\"source\":\"127.0.0.0/8\"}]}").statusCode());
        assertEquals(200, acme.user().send("GET", "/api/v1/credentials", null).statusCode(), "now the list names it");
        assertEquals(200, acme.admin().send("PUT", path, "{\"name\":\"alice\",\"useApiAllowSource\":false}").statusCode());
        assertEquals(200, acme.user().send("GET", "/api/v1/credentials", null).statusCode());
    }
}
