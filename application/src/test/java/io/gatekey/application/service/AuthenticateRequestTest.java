package io.gatekey.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.gatekey.application.port.in.accesskey.DeactivateAccessKeyUseCase;
import io.gatekey.application.port.in.auth.AuthenticateRequestUseCase;
import io.gatekey.application.port.in.account.DeactivateSubAccountUseCase;
import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.application.port.in.credential.RevokeTemporaryCredentialsUseCase;
import io.gatekey.application.port.out.SubAccountRepository;
import io.gatekey.application.testing.World;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.accesskey.KeyUse;
import io.gatekey.domain.accesskey.SecretKey;
import io.gatekey.domain.mfa.LockoutPolicy;
import io.gatekey.domain.credential.TemporaryCredential;
import io.gatekey.domain.signature.Authentication;
import io.gatekey.domain.signature.ClockSkewPolicy;
import io.gatekey.domain.signature.SessionTokenRule;
import io.gatekey.domain.signature.SignatureAlgorithm;
import io.gatekey.domain.signature.SignedRequest;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthenticateRequestTest {

    private final World world = new World();
    private final World.Tenant acme = world.acme;

    private Authentication authenticate(AccessKeyId id, SecretKey secret, Optional<String> token, SessionTokenRule rule) {
        return world.useCases.authenticateRequest().authenticate(signed(id, secret, token, rule, Optional.empty()));
    }

    private SignedRequest signed(AccessKeyId id, SecretKey secret, Optional<String> token, SessionTokenRule rule, Optional<String> nonce) {
        String message = "GET /api/v1/credentials\n" + world.clock.millis() + "\n" + id;
        byte[] signature = SignatureAlgorithm.HMAC_SHA256.sign(secret.bytes(), message);
        return new SignedRequest(id, world.clock.instant(), message, SignatureAlgorithm.HMAC_SHA256, signature, token, rule, ClockSkewPolicy.NCP, nonce);
    }

    @Test
    void aVerdictFromMemoryIsTheSameVerdictWhileTheCacheHoldsWhatItNeeds() {
        GatekeyServices cached = new GatekeyServices(world.ports, new GatekeySettings(LockoutPolicy.DEFAULT, "Gatekey", Duration.ofSeconds(4)));
        AuthenticateRequestUseCase authentication = cached.authenticateRequest();
        SignedRequest request = signed(acme.userKey.id(), acme.userKey.secret(), Optional.empty(), SessionTokenRule.NOT_SENT, Optional.empty());
        assertEquals(Optional.empty(), authentication.authenticateFromMemory(request), "nothing read yet: storage must decide");
        assertEquals(new Authentication.Authenticated(acme.userPrincipal), authentication.authenticate(request));
        assertEquals(Optional.of(new Authentication.Authenticated(acme.userPrincipal)), authentication.authenticateFromMemory(request));
        SignedRequest forged = signed(acme.userKey.id(), acme.adminKey.secret(), Optional.empty(), SessionTokenRule.NOT_SENT, Optional.empty());
        assertEquals(Optional.of(new Authentication.Refused(Authentication.Reason.BAD_SIGNATURE)), authentication.authenticateFromMemory(forged));
        SignedRequest once = signed(acme.userKey.id(), acme.userKey.secret(), Optional.empty(), SessionTokenRule.NOT_SENT, Optional.of("n-1"));
        assertEquals(Optional.empty(), authentication.authenticateFromMemory(once), "a nonce is recorded in storage");
        assertEquals(new Authentication.Refused(Authentication.Reason.UNKNOWN_KEY), authentication.authenticate(
                signed(new AccessKeyId("GKAKNOPENOPENOPENOPE"), acme.userKey.secret(), Optional.empty(), SessionTokenRule.NOT_SENT, Optional.empty())));
        assertEquals(Optional.of(new Authentication.Refused(Authentication.Reason.UNKNOWN_KEY)), authentication.authenticateFromMemory(
                signed(new AccessKeyId("GKAKNOPENOPENOPENOPE"), acme.userKey.secret(), Optional.empty(), SessionTokenRule.NOT_SENT, Optional.empty())),
                "a key found missing is remembered missing too");
        assertEquals(acme.userKey.id(), cached.describeCallerCredential().describeFromMemory(acme.userPrincipal).orElseThrow().key().id());

        world.useCases.deactivateAccessKey().deactivate(new DeactivateAccessKeyUseCase.Command(acme.admin, acme.userKey.id()));
        world.clock.advance(Duration.ofSeconds(4));
        SignedRequest later = signed(acme.userKey.id(), acme.userKey.secret(), Optional.empty(), SessionTokenRule.NOT_SENT, Optional.empty());
        assertEquals(Optional.empty(), authentication.authenticateFromMemory(later), "past the cache's lifetime memory decides nothing");
        assertEquals(Optional.empty(), cached.describeCallerCredential().describeFromMemory(acme.userPrincipal));
        assertEquals(new Authentication.Refused(Authentication.Reason.INACTIVE), authentication.authenticate(later));
        assertEquals(Optional.of(new Authentication.Refused(Authentication.Reason.INACTIVE)), authentication.authenticateFromMemory(later));
    }

    private Authentication authenticate(AccessKeyId id, SecretKey secret) {
        return authenticate(id, secret, Optional.empty(), SessionTokenRule.NOT_SENT);
    }

    @Test
    void theCallerIsIdentifiedAsAuthenticationReadIt() {
        assertEquals(Optional.of(acme.user), world.useCases.identifyCaller().callerSubAccount(acme.userPrincipal));
        assertEquals(Optional.empty(), world.useCases.identifyCaller().callerSubAccount(acme.admin), "an account's own key is no user");
    }

    @Test
    void aLongTermKeyAuthenticatesItsOwner() {
        assertEquals(new Authentication.Authenticated(acme.userPrincipal), authenticate(acme.userKey.id(), acme.userKey.secret()));
        assertEquals(new Authentication.Authenticated(acme.admin), authenticate(acme.adminKey.id(), acme.adminKey.secret()));
    }

    @Test
    void unknownKeysAndWrongSecretsAreRefused() {
        assertEquals(new Authentication.Refused(Authentication.Reason.UNKNOWN_KEY), authenticate(new AccessKeyId("GKAKNOPENOPENOPENOPE"), acme.userKey.secret()));
        assertEquals(new Authentication.Refused(Authentication.Reason.UNKNOWN_KEY), authenticate(new AccessKeyId("GKSTNOPENOPENOPENOPE"), acme.userKey.secret()));
        assertEquals(new Authentication.Refused(Authentication.Reason.BAD_SIGNATURE), authenticate(acme.userKey.id(), acme.adminKey.secret()));
    }

    @Test
    void aKeyNotInMemoryIsReadWithItsOwnerInOneRead() {
        AtomicInteger ownReads = new AtomicInteger();
        SubAccountRepository users = world.ports.subAccounts();
        SubAccountRepository counted = (SubAccountRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SubAccountRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("find")) {
                        ownReads.incrementAndGet();
                    }
                    return method.invoke(users, args);
                });
        GatekeyPorts p = world.ports;
        GatekeyPorts ports = new GatekeyPorts(p.accounts(), counted, p.accessKeys(), p.mfaDevices(), p.usedTimeSteps(), p.mfaFailures(),
                p.temporaryCredentials(), p.auditLog(), p.requestNonces(), p.consoleSessions(), p.random(), p.transactions(), p.clock(),
                p.telemetry(), p.origins());
        GatekeyServices cached = new GatekeyServices(ports, new GatekeySettings(LockoutPolicy.DEFAULT, "Gatekey", Duration.ofSeconds(4)));
        SignedRequest request = signed(acme.userKey.id(), acme.userKey.secret(), Optional.empty(), SessionTokenRule.NOT_SENT, Optional.empty());

        assertEquals(new Authentication.Authenticated(acme.userPrincipal), cached.authenticateRequest().authenticate(request));
        assertEquals(Optional.of(acme.user), cached.identifyCaller().callerSubAccount(acme.userPrincipal));
        assertEquals(0, ownReads.get(), "the owner came with the key");

        world.useCases.deactivateSubAccount().deactivate(new DeactivateSubAccountUseCase.Command(acme.admin, acme.user.id()));
        world.clock.advance(Duration.ofSeconds(4));
        SignedRequest later = signed(acme.userKey.id(), acme.userKey.secret(), Optional.empty(), SessionTokenRule.NOT_SENT, Optional.empty());
        assertEquals(new Authentication.Refused(Authentication.Reason.INACTIVE), cached.authenticateRequest().authenticate(later),
                "past the cache's lifetime the owner is read again, with the key");
        assertEquals(0, ownReads.get());
    }

    @Test
    void deactivatedKeysAndUsersAreRefused() {
        world.useCases.deactivateAccessKey().deactivate(new DeactivateAccessKeyUseCase.Command(acme.admin, acme.userKey.id()));
        assertEquals(new Authentication.Refused(Authentication.Reason.INACTIVE), authenticate(acme.userKey.id(), acme.userKey.secret()));
        world.useCases.deactivateSubAccount().deactivate(new DeactivateSubAccountUseCase.Command(acme.admin, world.acme.user.id()));
        assertEquals(new Authentication.Refused(Authentication.Reason.INACTIVE), authenticate(acme.userKey.id(), acme.userKey.secret()));
    }

    @Test
    void aTemporaryKeyCarriesItsMfaContextUntilItExpiresOrIsRevoked() {
        World.Device device = acme.enrolledDevice("phone");
        TemporaryCredential credential = assertInstanceOf(IssueTemporaryCredentialsUseCase.Issued.class,
                acme.issueWithCode(device, device.code(1))).credential();

        Authentication verdict = authenticate(credential.accessKeyId(), credential.secret(),
                Optional.of(credential.sessionToken().reveal()), SessionTokenRule.REQUIRED_FOR_TEMPORARY_KEYS);
        Principal.SubAccountUser principal = (Principal.SubAccountUser) assertInstanceOf(Authentication.Authenticated.class, verdict).principal();
        assertEquals(credential.mfa(), principal.mfa());
        assertEquals(new Authentication.Refused(Authentication.Reason.BAD_SESSION_TOKEN),
                authenticate(credential.accessKeyId(), credential.secret(), Optional.empty(), SessionTokenRule.REQUIRED_FOR_TEMPORARY_KEYS));

        world.clock.advance(Duration.ofSeconds(3599));
        assertInstanceOf(Authentication.Authenticated.class, authenticate(credential.accessKeyId(), credential.secret()));
        world.clock.advance(Duration.ofSeconds(1));
        assertEquals(new Authentication.Refused(Authentication.Reason.EXPIRED), authenticate(credential.accessKeyId(), credential.secret()));
    }

    @Test
    void aRevokedTemporaryKeyIsRefused() {
        TemporaryCredential credential = assertInstanceOf(IssueTemporaryCredentialsUseCase.Issued.class,
                acme.issueAs(acme.userPrincipal, Optional.empty(), null)).credential();
        world.useCases.revokeTemporaryCredentials().revoke(new RevokeTemporaryCredentialsUseCase.Command(acme.admin,
                new RevokeTemporaryCredentialsUseCase.One(credential.accessKeyId())));
        assertEquals(new Authentication.Refused(Authentication.Reason.REVOKED), authenticate(credential.accessKeyId(), credential.secret()));
    }

    private Authentication withNonce(SecretKey secret, String nonce) {
        String message = "GET sts.example/v2/index.php?Nonce=" + nonce;
        byte[] signature = SignatureAlgorithm.HMAC_SHA256.sign(secret.bytes(), message);
        return world.useCases.authenticateRequest().authenticate(new SignedRequest(acme.userKey.id(), world.clock.instant(), message,
                SignatureAlgorithm.HMAC_SHA256, signature, Optional.empty(), SessionTokenRule.NOT_SENT, ClockSkewPolicy.TENCENT, Optional.of(nonce)));
    }

    @Test
    void aNonceIsAcceptedOnceAndOnlyAValidSignatureUsesItUp() {
        assertEquals(new Authentication.Refused(Authentication.Reason.BAD_SIGNATURE), withNonce(acme.adminKey.secret(), "4242"));
        assertInstanceOf(Authentication.Authenticated.class, withNonce(acme.userKey.secret(), "4242"));
        assertEquals(new Authentication.Refused(Authentication.Reason.REPLAYED_NONCE), withNonce(acme.userKey.secret(), "4242"));
        world.clock.advance(Duration.ofMinutes(5));
        assertInstanceOf(Authentication.Authenticated.class, withNonce(acme.userKey.secret(), "4242"));
    }

    @Test
    void aSuccessfulSignatureRecordsTheKeysLastUse() {
        authenticate(acme.userKey.id(), acme.userKey.secret());
        var keys = world.useCases.listAccessKeys().list(new io.gatekey.application.port.in.accesskey.ListAccessKeysUseCase.Query(
                acme.admin, acme.userKey.owner()));
        assertEquals(Optional.of(world.clock.instant()), keys.get(0).lastUsedAt());
    }

    @Test
    void aUseIsKeptToTheMinuteUnlessItIsForAnotherServiceOrRegion() {
        KeyUse.Where ncp = KeyUse.Where.service("ncp");
        KeyUse.Where sts = KeyUse.Where.scoped("sts", "eu-west-1");
        Instant first = world.clock.instant();
        assertInstanceOf(Authentication.Authenticated.class, authenticateFor(ncp));
        world.clock.advance(Duration.ofSeconds(20));
        assertInstanceOf(Authentication.Authenticated.class, authenticateFor(ncp));
        assertEquals(Optional.of(new KeyUse(first, Optional.of(ncp))), lastUse(), "the same service within the minute");
        assertInstanceOf(Authentication.Authenticated.class, authenticateFor(sts));
        assertEquals(Optional.of(new KeyUse(first.plusSeconds(20), Optional.of(sts))), lastUse(), "another service");
        world.clock.advance(Duration.ofSeconds(61));
        assertInstanceOf(Authentication.Authenticated.class, authenticateFor(sts));
        assertEquals(Optional.of(new KeyUse(first.plusSeconds(81), Optional.of(sts))), lastUse(), "a minute later");
    }

    private Authentication authenticateFor(KeyUse.Where where) {
        return world.useCases.authenticateRequest().authenticate(signed(acme.userKey.id(), acme.userKey.secret(), Optional.empty(),
                SessionTokenRule.NOT_SENT, Optional.empty()).usedWith(where));
    }

    private Optional<KeyUse> lastUse() {
        return world.ports.accessKeys().find(acme.userKey.id()).orElseThrow().lastUse();
    }
}
