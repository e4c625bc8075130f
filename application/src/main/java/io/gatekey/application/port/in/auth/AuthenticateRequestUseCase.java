package io.gatekey.application.port.in.auth;

import io.gatekey.domain.signature.Authentication;
import io.gatekey.domain.signature.SignedRequest;
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
}
