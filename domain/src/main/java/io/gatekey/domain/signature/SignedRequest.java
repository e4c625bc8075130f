package io.gatekey.domain.signature;

import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.accesskey.KeyUse;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a door extracted from a signed request: the key id, the signed time, the exact string the client signed,
 * the algorithm and the signature bytes (decoded from the door's Base64 or hex), the session token if any, and the
 * request's nonce where the dialect sends one (a signed request with a nonce is accepted once), the address it
 * came from where the door knows it (a sub account may be limited to some), and the service and region it was signed
 * for (kept as the key's last use).
 */
public record SignedRequest(
        AccessKeyId accessKeyId,
        Instant requestTime,
        String stringToSign,
        SignatureAlgorithm algorithm,
        byte[] signature,
        Optional<String> sessionToken,
        SessionTokenRule sessionTokenRule,
        ClockSkewPolicy clockSkew,
        Optional<String> nonce,
        Optional<InetAddress> source,
        Optional<KeyUse.Where> usedWith) {

    public SignedRequest {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(requestTime, "requestTime");
        Objects.requireNonNull(stringToSign, "stringToSign");
        Objects.requireNonNull(algorithm, "algorithm");
        signature = Objects.requireNonNull(signature, "signature").clone();
        Objects.requireNonNull(sessionToken, "sessionToken");
        Objects.requireNonNull(sessionTokenRule, "sessionTokenRule");
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(usedWith, "usedWith");
    }

    /** A request whose sender the door did not tell (yet). */
    public SignedRequest(AccessKeyId accessKeyId, Instant requestTime, String stringToSign, SignatureAlgorithm algorithm,
                         byte[] signature, Optional<String> sessionToken, SessionTokenRule sessionTokenRule, ClockSkewPolicy clockSkew,
                         Optional<String> nonce) {
        this(accessKeyId, requestTime, stringToSign, algorithm, signature, sessionToken, sessionTokenRule, clockSkew, nonce, Optional.empty(),
                Optional.empty());
    }

    /** The same request, sent from {@code address} (the client's, as the door resolved it). */
    public SignedRequest from(Optional<InetAddress> address) {
        return new SignedRequest(accessKeyId, requestTime, stringToSign, algorithm, signature, sessionToken, sessionTokenRule, clockSkew, nonce, address,
                usedWith);
    }

    /** The same request, signed for {@code where}. */
    public SignedRequest usedWith(KeyUse.Where where) {
        return new SignedRequest(accessKeyId, requestTime, stringToSign, algorithm, signature, sessionToken, sessionTokenRule, clockSkew, nonce, source,
                Optional.of(where));
    }

    /** A request of a dialect without nonces. */
    public SignedRequest(AccessKeyId accessKeyId, Instant requestTime, String stringToSign, SignatureAlgorithm algorithm,
                         byte[] signature, Optional<String> sessionToken, SessionTokenRule sessionTokenRule, ClockSkewPolicy clockSkew) {
        this(accessKeyId, requestTime, stringToSign, algorithm, signature, sessionToken, sessionTokenRule, clockSkew, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** Until when a request signed at {@code requestTime} could still be accepted, so its nonce must be remembered. */
    public Instant replayableUntil() {
        return requestTime.plus(clockSkew.limit());
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public String toString() {
        return "SignedRequest[" + accessKeyId + " at " + requestTime + "]";
    }
}
