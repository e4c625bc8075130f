package io.gatekey.adapter.http.ncp;

import io.gatekey.adapter.http.ClientAddresses;
import io.gatekey.adapter.http.DoorRefusal;
import io.gatekey.adapter.http.RequestIds;
import io.gatekey.adapter.http.SignedCaller;
import io.gatekey.adapter.http.SignedQuery;
import io.gatekey.application.port.in.auth.AuthenticateRequestUseCase;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.accesskey.KeyUse;
import io.gatekey.domain.shared.InvalidValueException;
import io.gatekey.domain.signature.Authentication;
import io.gatekey.domain.signature.ClockSkewPolicy;
import io.gatekey.domain.signature.SessionTokenRule;
import io.gatekey.domain.signature.SignatureAlgorithm;
import io.gatekey.domain.signature.SignedRequest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * NCP API Gateway signature v2, as NCP's SDK computes it: HMAC-SHA256 under the secret key over
 * {@code METHOD + " " + path[?query] + "\n" + timestamp + "\n" + accessKey}, standard Base64. The path and query are
 * taken exactly as sent, and a query is read only as its signature reads it ({@link SignedQuery}); no host and no
 * body are signed. Because the body is not signed and the signature holds for
 * five minutes, a request that changes state or answers with a secret is accepted once: its (key, signature) pair
 * is remembered in the database for the skew window, so a captured request cannot be replayed on any node. The
 * SDKs sign every request afresh, so only a replay (or two identical requests in the same millisecond) meets that.
 */
@Singleton
final class NcpSignatureV2 {

    /** What a key's last use says of a request through this door: signature v2 names no region. */
    private static final KeyUse.Where USED_WITH = KeyUse.Where.service("ncp");

    static final String TIMESTAMP = "x-ncp-apigw-timestamp";
    static final String ACCESS_KEY = "x-ncp-iam-access-key";
    static final String SIGNATURE = "x-ncp-apigw-signature-v2";

    private final AuthenticateRequestUseCase authenticate;
    private final ClientAddresses clients;

    NcpSignatureV2(AuthenticateRequestUseCase authenticate, ClientAddresses clients) {
        this.authenticate = authenticate;
        this.clients = clients;
    }

    /** The caller, or an {@link DoorRefusal} with the gateway's 401; every method but GET changes state, so is accepted once. */
    Principal principal(HttpRequest<?> request) {
        Authentication verdict = verdict(request, !request.getMethodName().equals("GET"));
        if (verdict instanceof Authentication.Authenticated authenticated) {
            return authenticated.principal();
        }
        throw new DoorRefusal(NcpErrors.authenticationFailed());
    }

    /**
     * The caller of a state-changing request whose use case records the request's nonce itself, in its own
     * transaction ({@link AuthenticateRequestUseCase#authenticateDeferringNonce}); refused like {@link #principal}.
     */
    SignedCaller signedOnce(HttpRequest<?> request) {
        AuthenticateRequestUseCase.Deferred deferred = authenticate.authenticateDeferringNonce(signed(request, true));
        if (noted(request, deferred.verdict()) instanceof Authentication.Authenticated authenticated) {
            return new SignedCaller(authenticated.principal(), deferred.nonce());
        }
        throw new DoorRefusal(NcpErrors.authenticationFailed());
    }

    /** The full verdict, for routes that word some refusals themselves; {@code once}: refuse a replay of this signature. */
    Authentication verdict(HttpRequest<?> request, boolean once) {
        return noted(request, authenticate.authenticate(signed(request, once)));
    }

    /** The verdict on a replayable request when this node can give it from memory alone (see {@link AuthenticateRequestUseCase#authenticateFromMemory}). */
    Optional<Authentication> verdictFromMemory(HttpRequest<?> request) {
        return authenticate.authenticateFromMemory(signed(request, false)).map(verdict -> noted(request, verdict));
    }

    private static Authentication noted(HttpRequest<?> request, Authentication verdict) {
        if (verdict instanceof Authentication.Authenticated) {
            request.setAttribute(RequestIds.CALLER_KEY, request.getHeaders().get(ACCESS_KEY));
        }
        return verdict;
    }

    private SignedRequest signed(HttpRequest<?> request, boolean once) {
        String timestamp = request.getHeaders().get(TIMESTAMP);
        String accessKey = request.getHeaders().get(ACCESS_KEY);
        String signature = request.getHeaders().get(SIGNATURE);
        if (isBlank(timestamp) || isBlank(accessKey) || isBlank(signature)) {
            throw new DoorRefusal(NcpErrors.authenticationMissing());
        }
        Instant signedAt;
        AccessKeyId keyId;
        byte[] mac;
        try {
            signedAt = Instant.ofEpochMilli(Long.parseLong(timestamp));
            keyId = new AccessKeyId(accessKey);
            mac = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException | InvalidValueException e) {
            throw new DoorRefusal(NcpErrors.authenticationFailed());
        }
        URI uri = request.getUri();
        // The signature covers the raw query; the routes read Micronaut's binding of it, which must read it alike.
        if (uri.getRawQuery() != null && !SignedQuery.boundAsSigned(uri.getRawQuery(), request.getParameters().asMap())) {
            throw new DoorRefusal(NcpErrors.gateway(HttpStatus.BAD_REQUEST, "100", "Bad Request Exception",
                    "The query must be sent as it is signed: UTF-8, '&' between parameters and every other reserved character percent-encoded."));
        }
        String message = message(request.getMethodName(), pathAndQuery(uri), timestamp, accessKey);
        Optional<String> nonce = once ? Optional.of("ncp:" + Base64.getEncoder().encodeToString(mac)) : Optional.empty();
        return new SignedRequest(keyId, signedAt, message, SignatureAlgorithm.HMAC_SHA256, mac,
                Optional.empty(), SessionTokenRule.NOT_SENT, ClockSkewPolicy.NCP, nonce).from(clients.of(request)).usedWith(USED_WITH);
    }

    /** What signature v2 signs: {@code "{METHOD} {path?query}\n{timestamp}\n{accessKey}"}. */
    static String message(String method, String pathAndQuery, String timestamp, String accessKey) {
        return method + " " + pathAndQuery + "\n" + timestamp + "\n" + accessKey;
    }

    static String pathAndQuery(URI uri) {
        String query = uri.getRawQuery();
        return uri.getRawPath() + (query == null ? "" : "?" + query);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
