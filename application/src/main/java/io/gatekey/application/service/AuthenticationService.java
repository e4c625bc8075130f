package io.gatekey.application.service;

import io.gatekey.application.port.in.auth.AuthenticateRequestUseCase;
import io.gatekey.application.port.in.auth.IdentifyCallerUseCase;
import io.gatekey.application.port.out.AccessKeyRepository;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.accesskey.KeyUse;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.credential.CredentialOrigin;
import io.gatekey.domain.credential.TemporaryCredential;
import io.gatekey.domain.secret.SecretIntegrityException;
import io.gatekey.domain.shared.NotFoundException;
import io.gatekey.domain.signature.Authentication;
import io.gatekey.domain.signature.RequestNonce;
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
public final class AuthenticationService implements AuthenticateRequestUseCase, IdentifyCallerUseCase {

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
        // Only a request whose signature holds may use up its nonce, or anyone could burn other callers' nonces:
        // the deferred verdict hands one back only then.
        Deferred deferred = authenticateDeferringNonce(request);
        if (deferred.nonce().isPresent() && !recordNonce(deferred.nonce().get())) {
            return new Authentication.Refused(Authentication.Reason.REPLAYED_NONCE);
        }
        return deferred.verdict();
    }

    @Override
    public Optional<Authentication> authenticateFromMemory(SignedRequest request) {
        if (request.nonce().isPresent()) {
            return Optional.empty();
        }
        try {
            return Optional.of(counted(verify(request, true)));
        } catch (NotInMemory e) {
            return Optional.empty();
        }
    }

    @Override
    public Deferred authenticateDeferringNonce(SignedRequest request) {
        Authentication verdict = counted(verify(request, false));
        return new Deferred(verdict, verdict instanceof Authentication.Authenticated ? RequestNonce.of(request) : Optional.empty());
    }

    /**
     * Records a deferred nonce (in the caller's transaction, when there is one); false, counted as a refusal, when
     * the request was carried out before.
     */
    boolean recordNonce(RequestNonce nonce) {
        if (ports.requestNonces().register(nonce.accessKeyId(), nonce.value(), ports.clock().instant(), nonce.replayableUntil())) {
            return true;
        }
        ports.telemetry().signatureRefused(Authentication.Reason.REPLAYED_NONCE);
        return false;
    }

    private Authentication counted(Authentication verdict) {
        if (verdict instanceof Authentication.Refused refused) {
            ports.telemetry().signatureRefused(refused.reason());
        }
        return verdict;
    }

    /** {@code memoryOnly}: decide from cached reads alone, or throw {@link NotInMemory} at the first read or write it would need. */
    private Authentication verify(SignedRequest request, boolean memoryOnly) {
        Instant now = ports.clock().instant();
        // Time first: a stale request is refused alike whether or not its key exists.
        if (RequestVerifier.outsideClockSkew(request, now)) {
            return new Authentication.Refused(Authentication.Reason.CLOCK_SKEW);
        }
        if (request.accessKeyId().isTemporary()) {
            Optional<TemporaryCredential> credential = temporaryCredential(request.accessKeyId(), memoryOnly);
            if (credential.isEmpty()) {
                return RequestVerifier.unknownKey(request);
            }
            TemporaryCredential found = credential.get();
            return RequestVerifier.verify(request, found, mayCall(found.subAccountId(), request, memoryOnly),
                    originLive(found.origin(), memoryOnly), now);
        }
        Optional<AccessKey> found = accessKey(request.accessKeyId(), memoryOnly);
        if (found.isEmpty()) {
            return RequestVerifier.unknownKey(request);
        }
        AccessKey key = found.get();
        boolean ownerActive = key.owner().subAccountId().map(user -> mayCall(user, request, memoryOnly)).orElse(true);
        Authentication verdict = RequestVerifier.verify(request, key, ownerActive, now);
        // A use is kept to the minute, or sooner when the key is used for another service or region.
        if (verdict instanceof Authentication.Authenticated && key.lastUse()
                .map(last -> last.at().plus(LAST_USED_RESOLUTION).isBefore(now) || !last.where().equals(request.usedWith())).orElse(true)) {
            if (memoryOnly) {
                throw NotInMemory.INSTANCE;
            }
            KeyUse use = new KeyUse(now, request.usedWith());
            ports.accessKeys().recordUse(key.id(), use);
            accessKeys.refresh(key.id(), found, Optional.of(key.used(use)));
        }
        return verdict;
    }

    /**
     * A temporary credential lives only while what minted it does: the long-term key at the root of its chain must
     * exist and be active, and a temporary key that minted it must not be revoked. (Revocation also marks the
     * descendants; this check closes the window of a credential minted while its parent was being revoked.)
     */
    private boolean originLive(Optional<CredentialOrigin> origin, boolean memoryOnly) {
        if (origin.isEmpty()) {
            return true;
        }
        boolean rootLive = origin.get().rootKey().map(root -> accessKey(root, memoryOnly).map(AccessKey::active).orElse(false)).orElse(true);
        AccessKeyId parent = origin.get().mintedBy();
        boolean parentLive = !parent.isTemporary() || temporaryCredential(parent, memoryOnly).map(c -> !c.revoked()).orElse(true);
        return rootLive && parentLive;
    }

    @Override
    public Optional<SubAccount> callerSubAccount(Principal caller) {
        if (caller instanceof Principal.SubAccountUser user) {
            return Optional.of(cachedSubAccount(user.subAccountId())
                    .filter(found -> found.accountId().equals(user.accountId()))
                    .orElseThrow(() -> new NotFoundException(NotFoundException.Missing.SUB_ACCOUNT, user.subAccountId().value())));
        }
        return Optional.empty();
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
        return accessKey(id, false);
    }

    /** The same, only if this node holds it in memory: empty when it would have to be read. */
    Optional<AccessKey> accessKeyInMemory(AccessKeyId id) {
        return accessKeys.peek(id).flatMap(key -> key);
    }

    private Optional<AccessKey> accessKey(AccessKeyId id, boolean memoryOnly) {
        return memoryOnly ? inMemory(accessKeys.peek(id)) : accessKeys.get(id, key -> unlessTampered(() -> readWithOwner(key)));
    }

    /** A key read with its owner, which the sub account cache keeps too: a request by a key not in memory reads once. */
    private Optional<AccessKey> readWithOwner(AccessKeyId id) {
        Optional<AccessKeyRepository.OwnedKey> read = ports.accessKeys().findWithOwner(id);
        read.ifPresent(found -> found.key().owner().subAccountId().ifPresent(user -> subAccounts.put(user, found.owner())));
        return read.map(AccessKeyRepository.OwnedKey::key);
    }

    private Optional<TemporaryCredential> temporaryCredential(AccessKeyId id, boolean memoryOnly) {
        return memoryOnly ? inMemory(temporaryCredentials.peek(id))
                : temporaryCredentials.get(id, key -> unlessTampered(() -> ports.temporaryCredentials().find(key)));
    }

    private static <T> T inMemory(Optional<T> cached) {
        return cached.orElseThrow(() -> NotInMemory.INSTANCE);
    }

    /** A memory-only decision met a read or a write it cannot make. */
    private static final class NotInMemory extends RuntimeException {
        static final NotInMemory INSTANCE = new NotInMemory();

        private NotInMemory() {
            super("needs storage", null, false, false);
        }
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
    private boolean mayCall(SubAccountId id, SignedRequest request, boolean memoryOnly) {
        return (memoryOnly ? inMemory(subAccounts.peek(id)) : subAccounts.get(id, ports.subAccounts()::find))
                .map(user -> user.active() && user.profile().allowsApiCallsFrom(request.source()))
                .orElse(false);
    }
}
