package io.gatekey.domain.signature;

import io.gatekey.domain.accesskey.AccessKeyId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What makes a signed request accepted once: the key that signed it, its nonce (or its signature, in dialects
 * without one), and until when the signature could be replayed, so until when the use must be remembered.
 */
public record RequestNonce(AccessKeyId accessKeyId, String value, Instant replayableUntil) {

    public RequestNonce {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(replayableUntil, "replayableUntil");
    }

    /** The request's nonce, if it is to be accepted once. */
    public static Optional<RequestNonce> of(SignedRequest request) {
        return request.nonce().map(nonce -> new RequestNonce(request.accessKeyId(), nonce, request.replayableUntil()));
    }

    @Override
    public String toString() {
        return "RequestNonce[" + accessKeyId + "]";
    }
}
