package io.gatekey.application.service;

import io.gatekey.application.port.in.auth.AuthenticateRequestUseCase;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.credential.TemporaryCredential;
import io.gatekey.domain.signature.Authentication;
import io.gatekey.domain.signature.RequestVerifier;
import io.gatekey.domain.signature.SignedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Authenticates signed requests against long-term and temporary keys. Key material may be cached for a few
 * seconds ({@link GatekeySettings#keyCacheLifetime()}), so a busy key costs no storage round trip per request; a
 * deactivation or revocation is then refused everywhere once that lifetime has passed.
 */
public final class AuthenticationService implements AuthenticateRequestUseCase {

    /** Last-used times are kept to the minute, so a busy key does not cost a write per request. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final GatekeyPorts ports;
    private final ExpiringCache<AccessKeyId, Optional<AccessKey>> accessKeys;
    private final ExpiringCache<AccessKeyId, Optional<TemporaryCredential>> temporaryCredentials;
    private final ExpiringCache<SubAccountId, Optional<SubAccount>> subAccounts;

    public AuthenticationService(GatekeyPorts ports, GatekeySettings settings) {
        this.ports = ports;
        Duration lifetime = settings.keyCacheLifetime();
        this.accessKeys = new ExpiringCache<>(lifetime, ports.clock());
        this.temporaryCredentials = new ExpiringCache<>(lifetime, ports.clock());
        this.subAccounts = new ExpiringCache<>(lifetime, ports.clock());
    }

    @Override
    public Authentication authenticate(SignedRequest request) {
        Authentication verdict = verify(request);
        // Only a request whose signature holds may use up its nonce, or anyone could burn other callers' nonces.
        if (verdict instanceof Authentication.Authenticated && request.nonce().isPresent()
                && !ports.requestNonces().register(request.accessKeyId(), request.nonce().get(), ports.clock().instant(), request.replayableUntil())) {
            return new Authentication.Refused(Authentication.Reason.REPLAYED_NONCE);
        }
        return verdict;
    }

    private Authentication verify(SignedRequest request) {
        Instant now = ports.clock().instant();
        if (request.accessKeyId().isTemporary()) {
            return temporaryCredentials.get(request.accessKeyId(), ports.temporaryCredentials()::find)
                    .map(credential -> RequestVerifier.verify(request, credential, isActive(credential.subAccountId()), now))
                    .orElse(new Authentication.Refused(Authentication.Reason.UNKNOWN_KEY));
        }
        Optional<AccessKey> found = accessKeys.get(request.accessKeyId(), ports.accessKeys()::find);
        if (found.isEmpty()) {
            return new Authentication.Refused(Authentication.Reason.UNKNOWN_KEY);
        }
        AccessKey key = found.get();
        boolean ownerActive = key.owner().subAccountId().map(this::isActive).orElse(true);
        Authentication verdict = RequestVerifier.verify(request, key, ownerActive, now);
        if (verdict instanceof Authentication.Authenticated
                && key.lastUsedAt().map(last -> last.plus(LAST_USED_RESOLUTION).isBefore(now)).orElse(true)) {
            ports.accessKeys().recordUse(key.id(), now);
            accessKeys.refresh(key.id(), Optional.of(key.usedAt(now)));
        }
        return verdict;
    }

    private boolean isActive(SubAccountId id) {
        return subAccounts.get(id, ports.subAccounts()::find).map(SubAccount::active).orElse(false);
    }
}
