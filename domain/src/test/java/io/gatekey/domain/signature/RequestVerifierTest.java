package io.gatekey.domain.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.accesskey.KeyOwner;
import io.gatekey.domain.accesskey.SecretKey;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.credential.SessionToken;
import io.gatekey.domain.credential.TemporaryCredential;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestVerifierTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final AccountId ACCOUNT = new AccountId("acct");
    private static final SubAccountId USER = new SubAccountId("user");
    private static final SecretKey SECRET = SecretKey.of("0123456789abcdefghijklmnopqrstuvwxyzABCD");
    private static final AccessKey USER_KEY = AccessKey.create(new AccessKeyId("GKAKAAAAAAAAAAAAAAAA"),
            KeyOwner.subAccount(ACCOUNT, USER), SECRET, NOW.minusSeconds(3600));
    private static final String MESSAGE = "POST /api/v1/credentials\n1772366400000\nGKAKAAAAAAAAAAAAAAAA";

    private static SignedRequest request(Instant signedAt, String message, byte[] signature, ClockSkewPolicy skew) {
        return new SignedRequest(USER_KEY.id(), signedAt, message, SignatureAlgorithm.HMAC_SHA256, signature,
                Optional.empty(), SessionTokenRule.NOT_SENT, skew);
    }

    private static byte[] sign(SecretKey secret, String message) {
        return SignatureAlgorithm.HMAC_SHA256.sign(secret.bytes(), message);
    }

    @Test
    void hmacSha256MatchesAKnownValue() {
        // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), a widely published test value.
        byte[] mac = SignatureAlgorithm.HMAC_SHA256.sign("key".getBytes(StandardCharsets.UTF_8), "The quick brown fox jumps over the lazy dog");
        assertEquals("97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=", Base64.getEncoder().encodeToString(mac));
    }

    @Test
    void aCorrectSignatureAuthenticatesTheKeysOwner() {
        Authentication verdict = RequestVerifier.verify(request(NOW, MESSAGE, sign(SECRET, MESSAGE), ClockSkewPolicy.NCP), USER_KEY, true, NOW);
        assertEquals(new Authentication.Authenticated(new Principal.SubAccountUser(ACCOUNT, USER, USER_KEY.id(), Optional.empty())), verdict);
    }

    @Test
    void aSessionTokenSentWithALongTermKeyIsRefusedAfterTheSignature() {
        SignedRequest withToken = new SignedRequest(USER_KEY.id(), NOW, MESSAGE, SignatureAlgorithm.HMAC_SHA256, sign(SECRET, MESSAGE),
                Optional.of("a-token-of-some-other-credential"), SessionTokenRule.REQUIRED_FOR_TEMPORARY_KEYS, ClockSkewPolicy.AWS);
        assertEquals(new Authentication.Refused(Authentication.Reason.BAD_SESSION_TOKEN), RequestVerifier.verify(withToken, USER_KEY, true, NOW));
        SignedRequest forged = new SignedRequest(USER_KEY.id(), NOW, MESSAGE, SignatureAlgorithm.HMAC_SHA256, sign(SecretKey.of("x".repeat(40)), MESSAGE),
                Optional.of("a-token-of-some-other-credential"), SessionTokenRule.REQUIRED_FOR_TEMPORARY_KEYS, ClockSkewPolicy.AWS);
        assertEquals(new Authentication.Refused(Authentication.Reason.BAD_SIGNATURE), RequestVerifier.verify(forged, USER_KEY, true, NOW),
                "only the holder of the secret learns what is wrong with the token");
    }

    @Test
    void anAdminKeyAuthenticatesTheAccountAdmin() {
        AccessKey adminKey = AccessKey.create(new AccessKeyId("GKAKBBBBBBBBBBBBBBBB"), KeyOwner.admin(ACCOUNT), SECRET, NOW);
        Authentication verdict = RequestVerifier.verify(request(NOW, MESSAGE, sign(SECRET, MESSAGE), ClockSkewPolicy.NCP), adminKey, true, NOW);
        assertEquals(new Authentication.Authenticated(new Principal.AccountAdmin(ACCOUNT, adminKey.id())), verdict);
    }

    @Test
    void aTamperedMessageOrAnotherSecretIsABadSignature() {
        byte[] signature = sign(SECRET, MESSAGE);
        assertEquals(new Authentication.Refused(Authentication.Reason.BAD_SIGNATURE),
                RequestVerifier.verify(request(NOW, MESSAGE.replace("credentials", "credential"), signature, ClockSkewPolicy.NCP), USER_KEY, true, NOW));
        byte[] otherSecret = sign(SecretKey.of("another-secret-key-of-40-characters-xxxx"), MESSAGE);
        assertEquals(new Authentication.Refused(Authentication.Reason.BAD_SIGNATURE),
                RequestVerifier.verify(request(NOW, MESSAGE, otherSecret, ClockSkewPolicy.NCP), USER_KEY, true, NOW));
    }

    @ParameterizedTest(name = "{0} seconds off under {1}: refused={2}")
    @CsvSource({
        "299, NCP, false", "300, NCP, true", "-299, NCP, false", "-300, NCP, true",
        "900, HUAWEI, false", "901, HUAWEI, true", "-901, HUAWEI, true"
    })
    void clockSkewLimits(long secondsOff, String policy, boolean refused) {
        ClockSkewPolicy skew = policy.equals("NCP") ? ClockSkewPolicy.NCP : ClockSkewPolicy.HUAWEI;
        Authentication verdict = RequestVerifier.verify(
                request(NOW.minusSeconds(secondsOff), MESSAGE, sign(SECRET, MESSAGE), skew), USER_KEY, true, NOW);
        assertEquals(refused, verdict.equals(new Authentication.Refused(Authentication.Reason.CLOCK_SKEW)));
    }

    @Test
    void justUnderFiveMinutesPassesForNcp() {
        Instant signedAt = NOW.minus(Duration.ofMinutes(5)).plusMillis(1);
        assertEquals(Authentication.Authenticated.class,
                RequestVerifier.verify(request(signedAt, MESSAGE, sign(SECRET, MESSAGE), ClockSkewPolicy.NCP), USER_KEY, true, NOW).getClass());
    }

    @Test
    void anInactiveKeyOrOwnerIsRefusedOnlyAfterTheSignatureChecks() {
        SignedRequest good = request(NOW, MESSAGE, sign(SECRET, MESSAGE), ClockSkewPolicy.NCP);
        assertEquals(new Authentication.Refused(Authentication.Reason.INACTIVE), RequestVerifier.verify(good, USER_KEY.withActive(false), true, NOW));
        assertEquals(new Authentication.Refused(Authentication.Reason.INACTIVE), RequestVerifier.verify(good, USER_KEY, false, NOW));
        SignedRequest bad = request(NOW, MESSAGE, new byte[32], ClockSkewPolicy.NCP);
        assertEquals(new Authentication.Refused(Authentication.Reason.BAD_SIGNATURE), RequestVerifier.verify(bad, USER_KEY.withActive(false), true, NOW));
    }

    @Test
    void temporaryCredentialsNeedTheirTokenWhereTheDialectSendsOne() {
        SessionToken token = SessionToken.of("token-token-token-token");
        TemporaryCredential credential = credential(token, false);
        SignedRequest withToken = signed(credential, Optional.of(token.reveal()), SessionTokenRule.REQUIRED_FOR_TEMPORARY_KEYS, ClockSkewPolicy.HUAWEI);
        SignedRequest withoutToken = signed(credential, Optional.empty(), SessionTokenRule.REQUIRED_FOR_TEMPORARY_KEYS, ClockSkewPolicy.HUAWEI);
        SignedRequest wrongToken = signed(credential, Optional.of("token-token-token-tokeN"), SessionTokenRule.NOT_SENT, ClockSkewPolicy.NCP);
        SignedRequest ncpStyle = signed(credential, Optional.empty(), SessionTokenRule.NOT_SENT, ClockSkewPolicy.NCP);

        assertEquals(Authentication.Authenticated.class, RequestVerifier.verify(withToken, credential, true, true, NOW).getClass());
        assertEquals(new Authentication.Refused(Authentication.Reason.BAD_SESSION_TOKEN), RequestVerifier.verify(withoutToken, credential, true, true, NOW));
        assertEquals(new Authentication.Refused(Authentication.Reason.BAD_SESSION_TOKEN), RequestVerifier.verify(wrongToken, credential, true, true, NOW));
        assertEquals(Authentication.Authenticated.class, RequestVerifier.verify(ncpStyle, credential, true, true, NOW).getClass());
        assertEquals(new Authentication.Refused(Authentication.Reason.REVOKED), RequestVerifier.verify(ncpStyle, credential.revokedCopy(), true, true, NOW));
        assertEquals(new Authentication.Refused(Authentication.Reason.EXPIRED), RequestVerifier.verify(ncpStyle, credential, true, true, NOW.plusSeconds(60)));
        assertEquals(new Authentication.Refused(Authentication.Reason.REVOKED), RequestVerifier.verify(ncpStyle, credential, true, false, NOW),
                "a credential dies with the key it was minted from");
    }

    @Test
    void aCredentialHandedOutWithItsTokenIsRefusedWhereNoTokenTravels() {
        SessionToken token = SessionToken.of("token-token-token-token");
        TemporaryCredential bound = credential(token, true);
        SignedRequest ncpStyle = signed(bound, Optional.empty(), SessionTokenRule.NOT_SENT, ClockSkewPolicy.NCP);
        SignedRequest withToken = signed(bound, Optional.of(token.reveal()), SessionTokenRule.REQUIRED_FOR_TEMPORARY_KEYS, ClockSkewPolicy.TENCENT);

        assertEquals(new Authentication.Refused(Authentication.Reason.BAD_SESSION_TOKEN), RequestVerifier.verify(ncpStyle, bound, true, true, NOW));
        assertEquals(Authentication.Authenticated.class, RequestVerifier.verify(withToken, bound, true, true, NOW).getClass());
    }

    @Test
    void aStaleRequestIsSeenBeforeAnyKeyAndAnUnknownKeyAnswersAsRefused() {
        SignedRequest stale = request(NOW.minus(Duration.ofMinutes(5)), MESSAGE, sign(SECRET, MESSAGE), ClockSkewPolicy.NCP);
        assertTrue(RequestVerifier.outsideClockSkew(stale, NOW));
        assertFalse(RequestVerifier.outsideClockSkew(request(NOW, MESSAGE, sign(SECRET, MESSAGE), ClockSkewPolicy.NCP), NOW));
        assertEquals(new Authentication.Refused(Authentication.Reason.UNKNOWN_KEY), RequestVerifier.unknownKey(stale));
    }

    /** A request signed correctly with the credential's secret, carrying {@code token} as the dialect would. */
    private static SignedRequest signed(TemporaryCredential credential, Optional<String> token, SessionTokenRule rule, ClockSkewPolicy skew) {
        return new SignedRequest(credential.accessKeyId(), NOW, MESSAGE, SignatureAlgorithm.HMAC_SHA256, sign(SECRET, MESSAGE), token, rule, skew);
    }

    private static TemporaryCredential credential(SessionToken token, boolean tokenBound) {
        return new TemporaryCredential(new AccessKeyId("GKSTAAAAAAAAAAAAAAAA"), SECRET, token, ACCOUNT, USER,
                NOW.minusSeconds(60), NOW.plusSeconds(60), false, Optional.empty(), Optional.empty(), tokenBound);
    }
}
