package io.gatekey.application.port.in.auth;

import io.gatekey.domain.signature.Authentication;
import io.gatekey.domain.signature.RequestNonce;
import io.gatekey.domain.signature.SignedRequest;
import java.util.Objects;
import java.util.Optional;

/** Decides who signed a request, or why it is refused. The secret never leaves this check. */
public interface AuthenticateRequestUseCase {

    Authentication authenticate(SignedRequest request);

    /**
     * The same verdict, when it can be given from what this node holds in memory alone: the key and its owner
     * read within the cache's lifetime, no nonce to record, nothing to write. Empty when it cannot; then
     * {@link #authenticate} decides. For doors that answer cheap reads without leaving their network thread.
     */
    Optional<Authentication> authenticateFromMemory(SignedRequest request);

    /**
     * The verdict on a request to be accepted once, its nonce not yet recorded: the use case the door calls with
     * it records the nonce in its own transaction, together with what the request changes (one commit rather
     * than two), and records it alone when that transaction fails, so a captured request is never carried out
     * twice. The nonce is given only with an accepted signature.
     */
    Deferred authenticateDeferringNonce(SignedRequest request);

    record Deferred(Authentication verdict, Optional<RequestNonce> nonce) {
        public Deferred {
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(nonce, "nonce");
        }
    }
}
