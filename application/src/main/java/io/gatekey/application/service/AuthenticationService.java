package io.gatekey.application.service;

import io.gatekey.application.port.in.auth.AuthenticateRequestUseCase;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.signature.Authentication;
import io.gatekey.domain.signature.RequestVerifier;
import io.gatekey.domain.signature.SignedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Authenticates signed requests against long-term and temporary keys. */
public final class AuthenticationService implements AuthenticateRequestUseCase {

    /** Last-used times are kept to the minute, so a busy key does not cost a write per request. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final GatekeyPorts ports;

    public AuthenticationService(GatekeyPorts ports) {
        this.ports = ports;
    }

    @Override
    public Authentication authenticate(SignedRequest request) {
        Instant now = ports.clock().instant();
        if (request.accessKeyId().isTemporary()) {
            return ports.temporaryCredentials().find(request.accessKeyId())
                    .map(credential -> RequestVerifier.verify(request, credential, isActive(credential.subAccountId()), now))
                    .orElse(new Authentication.Refused(Authentication.Reason.UNKNOWN_KEY));
        }
        Optional<AccessKey> found = ports.accessKeys().find(request.accessKeyId());
        if (found.isEmpty()) {
            return new Authentication.Refused(Authentication.Reason.UNKNOWN_KEY);
        }
        AccessKey key = found.get();
        boolean ownerActive = key.owner().subAccountId().map(this::isActive).orElse(true);
        Authentication verdict = RequestVerifier.verify(request, key, ownerActive, now);
        if (verdict instanceof Authentication.Authenticated
                && key.lastUsedAt().map(last -> last.plus(LAST_USED_RESOLUTION).isBefore(now)).orElse(true)) {
            ports.accessKeys().recordUse(key.id(), now);
        }
        return verdict;
    }

    private boolean isActive(SubAccountId id) {
        return ports.subAccounts().find(id).map(user -> user.active()).orElse(false);
    }
}
