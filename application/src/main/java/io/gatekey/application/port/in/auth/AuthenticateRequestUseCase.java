package io.gatekey.application.port.in.auth;

import io.gatekey.domain.signature.Authentication;
import io.gatekey.domain.signature.SignedRequest;

/** Decides who signed a request, or why it is refused. The secret never leaves this check. */
public interface AuthenticateRequestUseCase {

    Authentication authenticate(SignedRequest request);
}
