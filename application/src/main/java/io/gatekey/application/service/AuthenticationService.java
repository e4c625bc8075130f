package io.gatekey.application.service;

import io.gatekey.application.port.in.auth.AuthenticateRequestUseCase;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.credential.CredentialOrigin;
import io.gatekey.domain.credential.TemporaryCredential;
import io.gatekey.domain.secret.SecretIntegrityException;
import io.gatekey.domain.signature.Authentication;
import io.gatekey.domain.signature.RequestVerifier;
import io.gatekey.domain.signature.SignedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

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
        this.accessKeys = new ExpiringCache<>(lifetime, ports.clock(), ports.telemetry());
        this.temporaryCredentials = new ExpiringCache<>(lifetime, ports.clock(), ports.telemetry());
        this.subAccounts = new ExpiringCache<>(lifetime, ports.clock(), ports.telemetry());
    }

    @Override
    public Authentication authenticate(SignedRequest request) {
        Authentication verdict = checked(request);
        if (verdict instanceof Authentication.Refused refused) {
            ports.telemetry().signatureRefused(refused.reason());
        }
        return verdict;
    }

    private Authentication checked(SignedRequest request) {
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
        // Time first: a stale request is refused alike whether or not its key exists.
        if (RequestVerifier.outsideClockSkew(request, now)) {
            return new Authentication.Refused(Authentication.Reason.CLOCK_SKEW);
        }
        if (request.accessKeyId().isTemporary()) {
            Optional<TemporaryCredential> credential = temporaryCredential(request.accessKeyId());
            if (credential.isEmpty()) {
                return RequestVerifier.unknownKey(request);
            }
            TemporaryCredential found = credential.get();
            return RequestVerifier.verify(request, found, mayCall(found.subAccountId(), request), originLive(found.origin()), now);
        }
        Optional<AccessKey> found = accessKey(request.accessKeyId());
        if (found.isEmpty()) {
            return RequestVerifier.unknownKey(request);
        }
        AccessKey key = found.get();
        boolean ownerActive = key.owner().subAccountId().map(user -> mayCall(user, request)).orElse(true);
        Authentication verdict = RequestVerifier.verify(request, key, ownerActive, now);
        if (verdict instanceof Authentication.Authenticated
                && key.lastUsedAt().map(last -> last.plus(LAST_USED_RESOLUTION).isBefore(now)).orElse(true)) {
            ports.accessKeys().recordUse(key.id(), now);
            accessKeys.refresh(key.id(), found, Optional.of(key.usedAt(now)));
        }
        return verdict;
    }

    /**
     * A temporary credential lives only while what minted it does: the long-term key at the root of its chain must
     * exist and be active, and a temporary key that minted it must not be revoked. (Revocation also marks the
     * descendants; this check closes the window of a credential minted while its parent was being revoked.)
     */
    private boolean originLive(Optional<CredentialOrigin> origin) {
        if (origin.isEmpty()) {
            return true;
        }
        boolean rootLive = origin.get().rootKey().map(root -> accessKey(root).map(AccessKey::active).orElse(false)).orElse(true);
        AccessKeyId parent = origin.get().mintedBy();
        boolean parentLive = !parent.isTemporary() || temporaryCredential(parent).map(c -> !c.revoked()).orElse(true);
        return rootLive && parentLive;
    }

    /** A sub account as authentication last read it (at most the cache lifetime ago). */
    Optional<SubAccount> cachedSubAccount(SubAccountId id) {
        return subAccounts.get(id, ports.subAccounts()::find);
    }

    /**
     * A long-term key as authentication last read it (at most the cache lifetime ago): answering a signed read
     * about the caller's own key needs no second read.
     */
    Optional<AccessKey> cachedAccessKey(AccessKeyId id) {
        return accessKey(id);
    }

    private Optional<AccessKey> accessKey(AccessKeyId id) {
        return accessKeys.get(id, key -> unlessTampered(() -> ports.accessKeys().find(key)));
    }

    private Optional<TemporaryCredential> temporaryCredential(AccessKeyId id) {
        return temporaryCredentials.get(id, key -> unlessTampered(() -> ports.temporaryCredentials().find(key)));
    }

    /** A stored key whose sealed secret does not open for its row (moved to another owner, edited) signs nothing. */
    private static <T> Optional<T> unlessTampered(Supplier<Optional<T>> load) {
        try {
            return load.get();
        } catch (SecretIntegrityException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the sub account's keys may sign this request: it is active, may call APIs at all
     * ({@code canAPIGatewayAccess}), and the request came from an allowed source where it names some.
     */
    private boolean mayCall(SubAccountId id, SignedRequest request) {
        return subAccounts.get(id, ports.subAccounts()::find)
                .map(user -> user.active() && user.profile().allowsApiCallsFrom(request.source()))
                .orElse(false);
    }
}
