package io.gatekey.adapter.http;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.signature.RequestNonce;
import java.util.Objects;
import java.util.Optional;

/**
 * A caller whose signature holds, and the nonce its state-changing request is still to use up: the use case the
 * door calls records it in its own transaction (see {@code AuthenticateRequestUseCase#authenticateDeferringNonce}).
 */
public record SignedCaller(Principal caller, Optional<RequestNonce> nonce) {

    public SignedCaller {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(nonce, "nonce");
    }
}
