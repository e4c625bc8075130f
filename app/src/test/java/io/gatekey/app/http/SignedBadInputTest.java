package io.gatekey.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.gatekey.application.port.in.account.CreateSubAccountUseCase;
import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.application.port.in.credential.RevokeTemporaryCredentialsUseCase;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.account.SubAccountName;
import io.gatekey.domain.credential.TemporaryCredential;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.xml.sax.InputSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

/**
 * Requests that pass their door's signature, with real keys and temporary credentials, but whose routes, parameters
 * and bodies are drawn at random from the door's own fields filled with wrong values (empty, huge, of the wrong type,
 * control characters, other scripts, ids of things that are not there), and the console's forms alike: every one is
 * answered below 500, in its door's own envelope (well-formed JSON or XML; the console's pages), and nothing is
 * logged as an error, on either database. The draw is the same on every run; {@code -Dgatekey.bad-input.seed=N}
 * draws another.
 */
class SignedBadInputTest {

    private static final int REQUESTS_PER_DOOR = 200;
    private static final String JUNK = "aZ09-_.~ !\"#$%&'()*+,/:;<=>?@[\\]^`{|}\u0000\u0001\u001f\u007f\u0085\u00e9\u00ff\u2028\u4e2d\ud83d\ude00\ufffd";
    private static final List<String> NCP_FIELDS = List.of("durationSec", "serialNumber", "tokenCode", "loginAlias", "name", "loginId", "email",
            "memo", "password", "active", "canConsoleAccess", "canAPIGatewayAccess", "needPasswordGenerate", "needPasswordReset", "useConsolePermitIp",
            "consolePermitIps", "useApiAllowSource", "apiAllowSources", "isMfaMandatory", "type", "accessKey", "subAccountId");
    private static final List<String> AWS_IAM_ACTIONS = List.of("CreateUser", "GetUser", "ListUsers", "DeleteUser", "CreateAccessKey", "ListAccessKeys",
            "UpdateAccessKey", "DeleteAccessKey", "GetAccessKeyLastUsed", "CreateVirtualMFADevice", "EnableMFADevice", "DeactivateMFADevice",
            "DeleteVirtualMFADevice", "ListMFADevices", "ListVirtualMFADevices", "ResyncMFADevice", "TagUser");
    private static final List<String> AWS_STS_ACTIONS = List.of("GetSessionToken", "GetCallerIdentity", "AssumeRole");
    private static final List<String> AWS_PARAMETERS = List.of("UserName", "AccessKeyId", "Status", "SerialNumber", "TokenCode", "DurationSeconds",
            "AuthenticationCode1", "AuthenticationCode2", "VirtualMFADeviceName", "Path", "PathPrefix", "MaxItems", "Marker", "AssignmentStatus");
    private static final List<String> HUAWEI_FIELDS = List.of("virtual_mfa_device_name", "user_id", "serial_number", "authentication_code_first",
            "authentication_code_second");
    private static final List<String> TENCENT_PARAMETERS = List.of("tokenCode", "tokenType", "serialNumber", "durationSeconds", "Region", "name", "policy");

    private final Random random = new Random(Long.getLong("gatekey.bad-input.seed", 20261207L));
    private final HttpClient http = HttpClient.newHttpClient();
    private TestServer server;
    private NcpFixture acme;
    /** A user of the fixture's account that the drawn requests may change or delete, where alice and the keys stay. */
    private String bob;
    private static final String CONSOLE = "acmefuzz";
    /**
     * Alice's temporary credentials: one bound to its session token, one that signs alone (as NCP's do), one that
     * expires early in the run and one revoked.
     */
    private final List<Identity> temporary = new ArrayList<>();

    /** Who signs a request: an access key id and its secret, and the session token sent with it (none when null). */
    private record Identity(String id, String secret, String token) {
    }
    /** Alice's browser, signed in to the console with her password and a code. */
    private ConsoleClient signedIn;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void randomBadInputThatPassesTheSignatureIsAnsweredInTheDoorsEnvelopeAndNeverWithA5xx(String database) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try (TestServer started = TestServer.on(database, Map.of())) {
            server = started;
            acme = new NcpFixture(server, "Acme");
            bob = server.useCases.createSubAccount().create(new CreateSubAccountUseCase.Command(new Principal.Operator(), acme.accountId,
                    new SubAccountName("bob"))).id().value();
            for (boolean tokenBound : List.of(true, false)) {
                temporary.add(issue(Duration.ofHours(1), tokenBound));
            }
            // Two that no longer sign: one that expires within the run's first minute, one revoked at once.
            temporary.add(issue(Duration.ofSeconds(30), true));
            Identity revoked = issue(Duration.ofHours(1), true);
            server.useCases.revokeTemporaryCredentials().revoke(new RevokeTemporaryCredentialsUseCase.Command(new Principal.Operator(),
                    new RevokeTemporaryCredentialsUseCase.One(new AccessKeyId(revoked.id()))));
            temporary.add(revoked);
            new ConsoleFixture(acme, CONSOLE, false, false);
            server.clock.advance(Duration.ofSeconds(30));
            signedIn = new ConsoleClient(server);
            signedIn.signIn(CONSOLE, "alice", ConsoleFixture.PASSWORD);
            signedIn.get("/nsa/" + CONSOLE + "/code");
            assertEquals(303, signedIn.post("/nsa/" + CONSOLE + "/code", "code", acme.code(0)).statusCode(), "signed in to the console");
            Map<String, Integer> answered = new TreeMap<>();
            for (int i = 0; i < REQUESTS_PER_DOOR; i++) {
                server.clock.advance(Duration.ofMillis(1 + random.nextInt(1500)));
                check("ncp", this::ncp, json(SignedBadInputTest::ncpEnvelope), answered);
                check("aws", this::aws, SignedBadInputTest::awsEnvelope, answered);
                check("huawei", this::huawei, json(SignedBadInputTest::huaweiEnvelope), answered);
                check("tencent", this::tencent, json(SignedBadInputTest::tencentEnvelope), answered);
                check("console", this::console, SignedBadInputTest::consolePage, answered);
            }
            List<String> errors = logged.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                    .map(ILoggingEvent::getFormattedMessage).toList();
            assertEquals(List.of(), errors, "nothing is logged as an error");
            // The draw reaches past the signature into every door's actions, and some of it succeeds.
            for (String door : List.of("ncp", "aws", "huawei", "tencent", "console")) {
                assertTrue(answered.getOrDefault(door + " 200", 0) > 0, answered.toString());
            }
            assertTrue(answered.getOrDefault("ncp 400", 0) + answered.getOrDefault("aws 400", 0) + answered.getOrDefault("huawei 400", 0) > 100,
                    answered.toString());
        } finally {
            root.detachAppender(logged);
        }
    }

    /** What an answer of a door must look like. */
    private interface Shape {
        void check(HttpResponse<String> response) throws Exception;
    }

    /** What a JSON door's answer must hold, given its status, its body and the object the body parses to (none on an empty success). */
    private interface Envelope {
        void check(int status, String body, Map<String, Object> json);
    }

    private Shape json(Envelope envelope) {
        return response -> envelope.check(response.statusCode(), response.body(),
                response.statusCode() < 300 && response.body().isBlank() ? null : acme.json(response.body()));
    }

    private void check(String door, Supplier<Sent> draw, Shape shape, Map<String, Integer> answered) {
        Sent sent = draw.get();
        HttpResponse<String> response = sent.response();
        String what = door + " " + sent.description() + " -> " + response.statusCode() + " " + response.body();
        assertTrue(response.statusCode() < 500, what);
        answered.merge(door + " " + response.statusCode(), 1, Integer::sum);
        if (response.statusCode() == 414) {
            // A request line over the limit is not read, so no door is known: the server's own envelope answers it.
            assertEquals("{\"message\":\"request line too long\"}", response.body(), what);
            return;
        }
        try {
            shape.check(response);
        } catch (Exception | AssertionError e) {
            fail("not in the " + door + "'s envelope: " + what, e);
        }
    }

    private record Sent(String description, HttpResponse<String> response) {
    }

    // ---- NCP: signature v2 over the raw path and query ----

    private Sent ncp() {
        Identity signer = identity();
        String subAccount = pathSegment(random.nextInt(3) == 0 ? acme.user.id().value() : writable());
        String[][] routes = {
                {"POST", "/api/v1/credentials"}, {"GET", "/api/v1/credentials"}, {"POST", "/credentials"}, {"GET", "/api/v1/login-alias"},
                {"PUT", "/api/v1/login-alias"}, {"GET", "/api/v1/sub-accounts?" + query(List.of("page", "size", "searchColumn", "searchWord"))},
                {"POST", "/api/v1/sub-accounts"}, {"GET", "/api/v1/sub-accounts/" + subAccount},
                {"PUT", "/api/v1/sub-accounts/" + pathSegment(writable())}, {"DELETE", "/api/v1/sub-accounts/" + pathSegment(writable())},
                {"GET", "/api/v1/sub-accounts/" + subAccount + "/access-keys"}, {"POST", "/api/v1/sub-accounts/" + pathSegment(writable()) + "/access-keys"},
                {"PUT", "/api/v1/sub-accounts/" + pathSegment(writable()) + "/access-keys"},
                {"DELETE", "/api/v1/sub-accounts/" + pathSegment(writable()) + "/access-keys"},
                {"PUT", "/api/v1/sub-accounts/" + pathSegment(writable()) + "/password"},
                {"GET", "/api/v1/sub-accounts/" + subAccount + "/credentials"},
                {"DELETE", "/api/v1/sub-accounts/" + pathSegment(writable()) + "/credentials?" + query(List.of("serialNumber"))},
                {"DELETE", "/api/v1/sub-accounts/" + pathSegment(writable()) + "/credentials/" + pathSegment(value())}};
        String[] route = routes[random.nextInt(routes.length)];
        String body = route[0].equals("GET") || route[0].equals("DELETE") ? null : jsonBody(NCP_FIELDS);
        // NCP carries no session token: a temporary key signs alone.
        NcpClient client = new NcpClient(server, signer.id(), signer.secret());
        return new Sent(signer.id() + " " + route[0] + " " + route[1] + " " + body, client.send(route[0], route[1], body));
    }

    private static void ncpEnvelope(int status, String body, Map<String, Object> json) {
        if (status >= 400) {
            @SuppressWarnings("unchecked")
            Map<String, Object> error = json.get("error") instanceof Map<?, ?> gateway ? (Map<String, Object>) gateway : json;
            assertTrue(error.get("errorCode") != null && error.get("message") instanceof String, body);
        }
    }

    // ---- AWS: SigV4 by the AWS SDK's own signer, as a query (GET) or a form (POST) ----

    private Sent aws() {
        boolean iam = random.nextInt(3) > 0;
        String action = random.nextInt(20) == 0 ? junk(8) : pick(iam ? AWS_IAM_ACTIONS : AWS_STS_ACTIONS);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("Action", action);
        parameters.put("Version", iam ? "2010-05-08" : "2011-06-15");
        for (String name : some(AWS_PARAMETERS, 5)) {
            parameters.put(name, name.equals("UserName") || name.equals("AccessKeyId") ? writable() : value());
        }
        boolean post = random.nextBoolean();
        SdkHttpFullRequest.Builder unsigned = SdkHttpFullRequest.builder().method(post ? SdkHttpMethod.POST : SdkHttpMethod.GET)
                .uri(URI.create(server.uri("").toString())).encodedPath("/");
        byte[] form = new byte[0];
        if (post) {
            form = formOf(parameters).getBytes(StandardCharsets.UTF_8);
            byte[] sentForm = form;
            unsigned.putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").contentStreamProvider(() -> new ByteArrayInputStream(sentForm));
        } else {
            parameters.forEach(unsigned::putRawQueryParameter);
        }
        Identity signer = identity();
        AwsCredentials credentials = signer.token() == null || signer.token().isEmpty() ? AwsBasicCredentials.create(signer.id(), signer.secret())
                : AwsSessionCredentials.create(signer.id(), signer.secret(), signer.token());
        @SuppressWarnings("deprecation")
        SdkHttpFullRequest signed = Aws4Signer.create().sign(unsigned.build(), Aws4SignerParams.builder().awsCredentials(credentials)
                .signingName(iam ? "iam" : "sts").signingRegion(Region.US_EAST_1).signingClockOverride(server.clock).build());
        HttpRequest.Builder request = HttpRequest.newBuilder(signed.getUri()).method(post ? "POST" : "GET",
                post ? HttpRequest.BodyPublishers.ofByteArray(form) : HttpRequest.BodyPublishers.noBody());
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return new Sent(signer + (post ? " POST " : " GET ") + parameters, send(request.build()));
    }

    private static void awsEnvelope(HttpResponse<String> response) throws Exception {
        int status = response.statusCode();
        String body = response.body();
        // Well-formed XML whatever the parameters held, as the SDKs parse it.
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(body)));
        if (status >= 400) {
            assertEquals("ErrorResponse", document.getDocumentElement().getTagName(), body);
            assertTrue(body.matches("<ErrorResponse xmlns=\"https://(sts|iam)\\.amazonaws\\.com/doc/[0-9-]+/\"><Error><Type>(Sender|Receiver)</Type>"
                    + "<Code>[A-Za-z.]+</Code><Message>(?s).*</Message></Error><RequestId>[0-9a-f]{32}</RequestId></ErrorResponse>"), body);
        }
    }

    // ---- Huawei: SDK-HMAC-SHA256 over the canonical request ----

    private Sent huawei() {
        String[][] routes = {{"POST", "/v5/virtual-mfa-devices"}, {"POST", "/v5/mfa-devices/enable"}, {"POST", "/v5/mfa-devices/disable"},
                {"DELETE", "/v5/virtual-mfa-devices"}, {"GET", "/v5/mfa-devices"}};
        String[] route = routes[random.nextInt(routes.length)];
        String query = route[0].equals("POST") ? "" : query(route[0].equals("GET") ? List.of("user_id", "limit", "marker") : List.of("user_id", "serial_number"));
        String body = route[0].equals("POST") ? jsonBody(HUAWEI_FIELDS) : null;
        Identity signer = identity();
        String ak = signer.id();
        String sk = signer.secret();
        try {
            URI uri = server.uri(route[1] + (query.isEmpty() ? "" : "?" + query));
            String date = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(server.clock.instant());
            String host = uri.getHost() + ":" + uri.getPort();
            String canonical = String.join("\n", route[0], HuaweiTestSigner.canonicalUri(uri.getRawPath()), canonicalQuery(query),
                    "content-type:application/json\nhost:" + host + "\nx-sdk-date:" + date + "\n", "content-type;host;x-sdk-date",
                    HuaweiTestSigner.sha256Hex(body == null ? "" : body));
            String signature = HuaweiTestSigner.hmacHex(sk, "SDK-HMAC-SHA256\n" + date + "\n" + HuaweiTestSigner.sha256Hex(canonical));
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .method(route[0], body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json").header("X-Sdk-Date", date)
                    .header("Authorization", "SDK-HMAC-SHA256 Access=" + ak + ", SignedHeaders=content-type;host;x-sdk-date, Signature=" + signature);
            if (signer.token() != null && !signer.token().isEmpty()) {
                request.header("X-Security-Token", signer.token());
            }
            return new Sent(signer + " " + route[0] + " " + uri + " " + body, send(request.build()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Huawei's canonical query of a query this test encoded: each pair decoded, encoded as the SDK encodes, sorted. */
    private static String canonicalQuery(String query) {
        List<String> pairs = new ArrayList<>();
        for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
            String[] nameValue = pair.split("=", 2);
            pairs.add(HuaweiTestSigner.encode(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8)) + "="
                    + HuaweiTestSigner.encode(URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8)));
        }
        pairs.sort(null);
        return String.join("&", pairs);
    }

    private static void huaweiEnvelope(int status, String body, Map<String, Object> json) {
        if (status >= 400) {
            assertTrue(json.get("error_code") instanceof String code && code.matches("(IAM|APIGW)\\.[0-9]{4}") && json.get("error_msg") instanceof String, body);
        }
    }

    // ---- Tencent: the v2 signature over the sorted parameters, as a query or a form ----

    private Sent tencent() {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String name : some(TENCENT_PARAMETERS, 4)) {
            parameters.put(name, value());
        }
        if (random.nextInt(10) == 0) {
            parameters.put("Action", junk(6));
        }
        Identity signer = identity();
        TencentClient client = new TencentClient(server, signer.id(), signer.secret(), signer.token());
        TencentClient.Style style = TencentClient.Style.values()[random.nextInt(TencentClient.Style.values().length)];
        String method = style == TencentClient.Style.GET ? "GET" : "POST";
        return new Sent(signer + " " + style + " " + parameters, client.send(style, client.signed(parameters, method, random.nextBoolean() ? "HmacSHA256" : "HmacSHA1")));
    }

    private static void tencentEnvelope(int status, String body, Map<String, Object> json) {
        assertTrue(json.get("code") instanceof Number && json.get("message") instanceof String, body);
        if (((Number) json.get("code")).intValue() != 0) {
            assertTrue(json.get("codeDesc") instanceof String, body);
        }
    }

    // ---- the console: a browser's forms, signed in or not ----

    private Sent console() {
        String base = "/nsa/" + CONSOLE;
        if (random.nextInt(4) == 0) {
            ConsoleClient browser = new ConsoleClient(server);
            String alias = random.nextInt(3) == 0 ? pathSegment(junk(1 + random.nextInt(10)).toLowerCase()) : CONSOLE;
            browser.get("/nsa/" + alias);
            String loginId = random.nextBoolean() ? "alice" : value();
            return new Sent("sign-in " + alias + " " + loginId, browser.post("/nsa/" + alias + "/sign-in", "loginId", loginId, "password", value()));
        }
        String[] pages = {"/console", "/code", "/password", "/enrol"};
        if (random.nextInt(4) == 0) {
            String page = base + pick(List.of(pages));
            return new Sent("GET " + page, signedIn.get(page));
        }
        String[] forms = {"/console/devices", "/console/devices/enable", "/console/devices/resync", "/console/devices/remove", "/console/keys",
                "/console/keys/deactivate", "/console/credentials", "/code", "/password", "/enrol"};
        String form = base + pick(List.of(forms));
        List<String> fields = new ArrayList<>();
        for (String name : some(List.of("code", "code1", "code2", "serialNumber", "accessKey", "durationSec", "newPassword", "confirmPassword"), 4)) {
            fields.add(name);
            fields.add(name.equals("accessKey") ? writable() : value());
        }
        if (random.nextInt(8) == 0) {
            fields.add("csrf");
            fields.add(value());
        }
        return new Sent("POST " + form + " " + fields, signedIn.post(form, fields.toArray(String[]::new)));
    }

    /** A page a person reads, or a redirect to one; never JSON or a bare status. */
    private static void consolePage(HttpResponse<String> response) {
        if (response.statusCode() == 303) {
            assertTrue(response.headers().firstValue("Location").orElse("").startsWith("/nsa/"), response.headers().toString());
        } else {
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), response.headers().toString());
            assertTrue(response.body().startsWith("<!DOCTYPE html>"), response.body());
        }
    }

    /** Alice's temporary credentials, issued without MFA, bound to their session token or not. */
    private Identity issue(Duration lifetime, boolean tokenBound) {
        var command = new IssueTemporaryCredentialsUseCase.Command(acme.userPrincipal(), Optional.empty(), lifetime, Optional.empty());
        var issued = (IssueTemporaryCredentialsUseCase.Issued) server.useCases.issueTemporaryCredentials()
                .issue(tokenBound ? command : command.withoutTokenBinding());
        TemporaryCredential credential = issued.credential();
        return new Identity(credential.accessKeyId().value(), credential.secret().reveal(), credential.sessionToken().reveal());
    }

    // ---- drawing ----

    /**
     * The admin's key, alice's key, or one of alice's temporary credentials (live, expired or revoked) with its own
     * token, another's, a wrong one or none: each door's authentication meets every combination, and most requests
     * still get past it.
     */
    private Identity identity() {
        return switch (random.nextInt(8)) {
            case 0, 1, 2 -> new Identity(acme.adminKey.id().value(), acme.adminKey.secret().reveal(), null);
            case 3, 4 -> new Identity(acme.userKey.id().value(), acme.userKey.secret().reveal(), null);
            case 5, 6 -> pick(temporary);
            default -> {
                Identity credential = pick(temporary);
                yield new Identity(credential.id(), credential.secret(), pick(List.of("", "not-a-token", printable(20), pick(temporary).token())));
            }
        };
    }

    /** A wrong (or now and then right) value for any field. */
    private String value() {
        return switch (random.nextInt(16)) {
            case 0 -> "";
            case 1 -> " ";
            case 2, 3 -> junk(1 + random.nextInt(40));
            case 4 -> "9".repeat(20 + random.nextInt(30));
            case 5 -> Long.toString(random.nextLong());
            case 6 -> Integer.toString(random.nextInt(100_000) - 50_000);
            case 7 -> acme.serial.value();
            case 8 -> "arn:aws:iam::" + acme.accountId.value() + ":mfa/" + pick(List.of("phone", "bob", junk(5)));
            case 9 -> acme.code(random.nextInt(3) - 1);
            case 10 -> pick(List.of("Active", "Inactive", "Assigned", "Unassigned", "Any", "true", "false", "null", "softToken", "hardToken"));
            case 11 -> "%zz%" + junk(2);
            case 12 -> "x".repeat(200 + random.nextInt(3000));
            case 13 -> "1e400";
            default -> writable();
        };
    }

    /** A user or key for requests that change or delete what they name: never alice, her key or the admin's key. */
    private String writable() {
        return switch (random.nextInt(5)) {
            case 0 -> bob;
            case 1 -> "bob";
            case 2 -> "GKAK" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36).toUpperCase();
            case 3 -> junk(1 + random.nextInt(12));
            default -> Integer.toHexString(random.nextInt());
        };
    }

    private String junk(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(JUNK.charAt(random.nextInt(JUNK.length())));
        }
        return text.toString();
    }

    /** Printable ASCII, as a header value may hold. */
    private String printable(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('!' + random.nextInt('~' - '!' + 1)));
        }
        return text.toString();
    }

    private String jsonBody(List<String> fields) {
        if (random.nextInt(12) == 0) {
            return pick(List.of("", "null", "[]", "{", "\"text\"", "{\"a\":" + "[".repeat(300), junk(30)));
        }
        StringBuilder json = new StringBuilder("{");
        for (String field : some(fields, 5)) {
            json.append(json.length() > 1 ? "," : "").append(jsonString(field)).append(':').append(jsonValue());
        }
        return json.append('}').toString();
    }

    private String jsonValue() {
        return switch (random.nextInt(10)) {
            case 0 -> "null";
            case 1 -> Boolean.toString(random.nextBoolean());
            case 2 -> pick(List.of("1e400", "-0", "3.5", "99999999999999999999999", "-1", "0", "900", "43200"));
            case 3 -> "[" + jsonString(value()) + "]";
            case 4 -> "{\"a\":" + jsonString(value()) + "}";
            default -> jsonString(value());
        };
    }

    private static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private String query(List<String> names) {
        List<String> pairs = new ArrayList<>();
        for (String name : some(names, names.size())) {
            pairs.add(name + "=" + URLEncoder.encode(value(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return String.join("&", pairs);
    }

    private static String formOf(Map<String, String> parameters) {
        List<String> pairs = new ArrayList<>();
        parameters.forEach((name, value) -> pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    private static String pathSegment(String text) {
        String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        return encoded.isEmpty() ? "%20" : encoded;
    }

    private List<String> some(List<String> from, int most) {
        List<String> shuffled = new ArrayList<>(from);
        java.util.Collections.shuffle(shuffled, random);
        return shuffled.subList(0, random.nextInt(Math.min(most, shuffled.size()) + 1));
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
