package io.gatekey.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The AWS door driven by AWS's own SDK for Java v2: GetSessionToken with a code of the user's device, the
 * temporary credentials signing GetCallerIdentity with their session token, a replayed code refused with AWS's
 * error, and AWS's errors for a wrong secret, a missing token and a duration out of bounds.
 */
class AwsStsSdkTest {

    private static StsClient sts(TestServer server, AwsCredentials credentials, String region) {
        return StsClient.builder().endpointOverride(URI.create(server.uri("").toString())).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** Gatekey's serial number {@code iam::{account}:mfa:{name}} as AWS names the device. */
    private static String arn(NcpFixture acme) {
        String[] parts = acme.serial.value().split(":");
        return "arn:aws:iam::" + parts[2] + ":mfa/" + parts[4];
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void getSessionTokenWithACodeThenSignWithTheTemporaryCredentials(String database) {
        try (TestServer server = TestServer.on(database, Map.of())) {
            server.clock.set(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
            NcpFixture acme = new NcpFixture(server, "Acme");
            String user = acme.userKey.id().value();
            try (StsClient longTerm = sts(server, AwsBasicCredentials.create(user, acme.userKey.secret().reveal()), "eu-west-3")) {
                GetCallerIdentityResponse self = longTerm.getCallerIdentity();
                assertEquals(acme.accountId.value(), self.account());
                assertEquals("arn:aws:iam::" + acme.accountId.value() + ":user/" + acme.user.name().value(), self.arn());
                assertEquals(acme.user.id().value(), self.userId());

                String code = acme.code(1);
                Credentials credentials = longTerm.getSessionToken(r -> r.durationSeconds(900).serialNumber(arn(acme)).tokenCode(code)).credentials();
                assertTrue(credentials.accessKeyId().startsWith("GKST"), credentials.accessKeyId());
                assertEquals(server.clock.instant().plusSeconds(900), credentials.expiration());
                assertEquals(64, credentials.sessionToken().length());

                try (StsClient temporary = sts(server, AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(),
                        credentials.sessionToken()), "us-east-1")) {
                    assertEquals(self.arn(), temporary.getCallerIdentity().arn());
                    String fresh = acme.code(2);
                    StsException again = assertThrows(StsException.class,
                            () -> temporary.getSessionToken(r -> r.serialNumber(arn(acme)).tokenCode(fresh)));
                    assertEquals(403, again.statusCode());
                    assertEquals("AccessDenied", again.awsErrorDetails().errorCode());
                    assertEquals("Cannot call GetSessionToken with session credentials", again.awsErrorDetails().errorMessage(),
                            "AWS's rule, even with a fresh code");
                }
                try (StsClient withoutToken = sts(server, AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey()), "us-east-1")) {
                    StsException refused = assertThrows(StsException.class, withoutToken::getCallerIdentity);
                    assertEquals(403, refused.statusCode());
                    assertEquals("InvalidClientTokenId", refused.awsErrorDetails().errorCode());
                }

                StsException replayed = assertThrows(StsException.class,
                        () -> longTerm.getSessionToken(r -> r.serialNumber(arn(acme)).tokenCode(code)));
                assertEquals(403, replayed.statusCode());
                assertEquals("AccessDenied", replayed.awsErrorDetails().errorCode());
                assertEquals("MultiFactorAuthentication failed with invalid MFA one time pass code. ", replayed.awsErrorDetails().errorMessage());

                StsException tooShort = assertThrows(StsException.class, () -> longTerm.getSessionToken(r -> r.durationSeconds(899)));
                assertEquals(400, tooShort.statusCode());
                assertEquals("ValidationError", tooShort.awsErrorDetails().errorCode());
                assertEquals(43_200, java.time.Duration.between(server.clock.instant(),
                        longTerm.getSessionToken().credentials().expiration()).getSeconds(), "the default duration");
            }
            try (StsClient wrongSecret = sts(server, AwsBasicCredentials.create(user, "not-the-secret"), "us-east-1")) {
                StsException refused = assertThrows(StsException.class, wrongSecret::getCallerIdentity);
                assertEquals(403, refused.statusCode());
                assertEquals("SignatureDoesNotMatch", refused.awsErrorDetails().errorCode());
            }
        }
    }

    /** An STS {@code action} presigned by the AWS SDK's own signer with the user's key, valid for 60 s of the server's clock. */
    private static software.amazon.awssdk.http.SdkHttpFullRequest presigned(TestServer server, NcpFixture acme, String action) {
        return AwsPresigned.get(server, AwsBasicCredentials.create(acme.userKey.id().value(), acme.userKey.secret().reveal()), "sts",
                Map.of("Action", action, "Version", "2011-06-15"));
    }

    @org.junit.jupiter.api.Test
    void aPresignedGetCallerIdentityUrlAnswersUntilItExpires() throws Exception {
        try (TestServer server = TestServer.on("h2", Map.of())) {
            server.clock.set(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
            NcpFixture acme = new NcpFixture(server, "Acme");
            software.amazon.awssdk.http.SdkHttpFullRequest presigned = presigned(server, acme, "GetCallerIdentity");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> answered = http.send(HttpRequest.newBuilder(presigned.getUri()).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answered.statusCode(), answered.body());
            assertTrue(answered.body().contains("<Arn>arn:aws:iam::" + acme.accountId.value() + ":user/alice</Arn>"), answered.body());

            URI otherVersion = URI.create(presigned.getUri().toString().replace("Version=2011-06-15", "Version=2010-05-08"));
            HttpResponse<String> tampered = http.send(HttpRequest.newBuilder(otherVersion).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, tampered.statusCode(), tampered.body());
            assertTrue(tampered.body().contains("<Code>SignatureDoesNotMatch</Code>"), tampered.body());

            server.clock.advance(java.time.Duration.ofSeconds(61));
            HttpResponse<String> expired = http.send(HttpRequest.newBuilder(presigned.getUri()).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, expired.statusCode(), expired.body());
            assertTrue(expired.body().contains("<Code>AccessDenied</Code><Message>Request has expired</Message>"), expired.body());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void aCapturedGetSessionTokenIsCarriedOutOnce(String database) throws Exception {
        try (TestServer server = TestServer.on(database, Map.of())) {
            server.clock.set(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
            NcpFixture acme = new NcpFixture(server, "Acme");
            software.amazon.awssdk.http.SdkHttpFullRequest presigned = presigned(server, acme, "GetSessionToken");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> first = http.send(HttpRequest.newBuilder(presigned.getUri()).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, first.statusCode(), first.body());
            assertTrue(first.body().contains("<SecretAccessKey>"), first.body());
            HttpResponse<String> replayed = http.send(HttpRequest.newBuilder(presigned.getUri()).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, replayed.statusCode(), replayed.body());
            assertTrue(replayed.body().contains("<Code>SignatureDoesNotMatch</Code><Message>The request signature was used already.</Message>"),
                    replayed.body());
            assertEquals(1, server.useCases.listTemporaryCredentials().list(new io.gatekey.application.port.in.credential.ListTemporaryCredentialsUseCase.Query(
                    new io.gatekey.domain.access.Principal.Operator(), acme.user.id())).size(), "the replay was not carried out");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void badInputGetsAwsErrorsNeverA5xx(String database) throws Exception {
        try (TestServer server = TestServer.on(database, Map.of())) {
            HttpClient http = HttpClient.newHttpClient();
            Map<String, String[]> cases = Map.of(
                    "", new String[] {"400", "MissingAction"},
                    "Action=DescribeNothing&Version=2011-06-15", new String[] {"400", "InvalidAction"},
                    "Action=GetCallerIdentity&Version=2011-06-15", new String[] {"403", "MissingAuthenticationToken"},
                    "Action=GetSessionToken&Version=2011-06-15&SerialNumber=%ZZ", new String[] {"400", "MalformedQueryString"});
            for (Map.Entry<String, String[]> bad : cases.entrySet()) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(server.uri("/")).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(bad.getKey())).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(Integer.parseInt(bad.getValue()[0]), answer.statusCode(), bad.getKey() + ": " + answer.body());
                assertTrue(answer.body().startsWith("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type><Code>"
                        + bad.getValue()[1] + "</Code>"), answer.body());
                assertTrue(answer.body().contains("<RequestId>" + answer.headers().firstValue("X-Request-Id").orElseThrow() + "</RequestId>"), answer.body());
            }
            HttpResponse<String> iamUnsigned = http.send(HttpRequest.newBuilder(server.uri("/")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("Action=ListUsers&Version=2010-05-08")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, iamUnsigned.statusCode());
            assertTrue(iamUnsigned.body().startsWith("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type>"
                    + "<Code>MissingAuthenticationToken</Code>"), iamUnsigned.body());
            HttpResponse<String> badSignature = http.send(HttpRequest.newBuilder(server.uri("/"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-Amz-Date", "20260601T100010Z")
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=GKAKABCDEFGHIJKLMNOP/20260601/us-east-1/iam/aws4_request, SignedHeaders=host;x-amz-date, Signature=00")
                    .POST(HttpRequest.BodyPublishers.ofString("Action=GetCallerIdentity&Version=2011-06-15")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, badSignature.statusCode());
            assertTrue(badSignature.body().contains("<Code>IncompleteSignature</Code>"), badSignature.body());
        }
    }
}
