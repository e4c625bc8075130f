package io.gatekey.domain.signature;

import io.gatekey.domain.accesskey.AccessKeyId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a door extracted from a signed request: the key id, the signed time, the exact string the client signed,
 * the algorithm and the signature bytes (decoded from the door's Base64 or hex), and the session token if any.
 */
public record SignedRequest(
        AccessKeyId accessKeyId,
        Instant requestTime,
        String stringToSign,
        SignatureAlgorithm algorithm,
        byte[] signature,
        Optional<String> sessionToken,
        SessionTokenRule sessionTokenRule,
        ClockSkewPolicy clockSkew) {

    public SignedRequest {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(requestTime, "requestTime");
        Objects.requireNonNull(stringToSign, "stringToSign");
        Objects.requireNonNull(algorithm, "algorithm");
        signature = Objects.requireNonNull(signature, "signature").clone();
        Objects.requireNonNull(sessionToken, "sessionToken");
        Objects.requireNonNull(sessionTokenRule, "sessionTokenRule");
        Objects.requireNonNull(clockSkew, "clockSkew");
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
