package io.gatekey.domain.signature;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.SecretKey;
import io.gatekey.domain.credential.CredentialOrigin;
import io.gatekey.domain.credential.TemporaryCredential;
import io.gatekey.domain.shared.Secrets;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides whether a signed request comes from the holder of a key. The clock and the signature are checked
 * before the key's state, so only someone holding the secret learns that a key is inactive, expired or revoked.
 */
public final class RequestVerifier {

    private RequestVerifier() {
    }

    /**
     * A request signed with a long-term key; {@code ownerActive} is false when its sub account is deactivated. A
     * session token sent with it is refused as AWS refuses one: a long-term key has none, so whatever was sent is no
     * token of this key (a client that mixed up its credentials learns so, rather than have a token read by no one).
     */
    public static Authentication verify(SignedRequest request, AccessKey key, boolean ownerActive, Instant now) {
        Optional<Authentication.Reason> refusal = checkTimeAndSignature(request, key.secret(), now);
        if (refusal.isPresent()) {
            return new Authentication.Refused(refusal.get());
        }
        if (request.sessionToken().isPresent()) {
            return new Authentication.Refused(Authentication.Reason.BAD_SESSION_TOKEN);
        }
        if (!key.active() || !ownerActive) {
            return new Authentication.Refused(Authentication.Reason.INACTIVE);
        }
        Principal principal = key.owner().subAccountId()
                .<Principal>map(user -> new Principal.SubAccountUser(key.owner().accountId(), user, key.id(), Optional.empty()))
                .orElseGet(() -> new Principal.AccountAdmin(key.owner().accountId(), key.id()));
        return new Authentication.Authenticated(principal);
    }

    /**
     * A request signed with a temporary key; {@code originLive} is false when the key it was minted with is gone,
     * deactivated or revoked, so a credential never outlives the key that made it.
     */
    public static Authentication verify(SignedRequest request, TemporaryCredential credential, boolean ownerActive, boolean originLive,
                                        Instant now) {
        Optional<Authentication.Reason> refusal = checkTimeAndSignature(request, credential.secret(), now);
        if (refusal.isPresent()) {
            return new Authentication.Refused(refusal.get());
        }
        boolean tokenSent = request.sessionToken().isPresent();
        boolean tokenRequired = request.sessionTokenRule() == SessionTokenRule.REQUIRED_FOR_TEMPORARY_KEYS;
        if ((tokenRequired || tokenSent) && !credential.sessionToken().matches(request.sessionToken().orElse(null))) {
            return new Authentication.Refused(Authentication.Reason.BAD_SESSION_TOKEN);
        }
        // A credential handed out with its token is bound to it: a door that carries no token cannot present it.
        if (credential.tokenBound() && !tokenRequired && !tokenSent) {
            return new Authentication.Refused(Authentication.Reason.BAD_SESSION_TOKEN);
        }
        if (credential.revoked() || !originLive) {
            return new Authentication.Refused(Authentication.Reason.REVOKED);
        }
        if (credential.isExpired(now)) {
            return new Authentication.Refused(Authentication.Reason.EXPIRED);
        }
        if (!ownerActive) {
            return new Authentication.Refused(Authentication.Reason.INACTIVE);
        }
        return new Authentication.Authenticated(new Principal.SubAccountUser(credential.accountId(), credential.subAccountId(),
                credential.accessKeyId(), credential.mfa(), credential.origin().flatMap(CredentialOrigin::rootKey)));
    }

    /**
     * Checked before the key is looked up, so a request at the wrong time is refused the same way whether or not its
     * key exists.
     */
    public static boolean outsideClockSkew(SignedRequest request, Instant now) {
        return request.clockSkew().refuses(request.requestTime(), now);
    }

    /**
     * The refusal for a key that does not exist, after as much work as a wrong signature costs, so neither the
     * answer nor its time tells a caller which key ids exist.
     */
    public static Authentication unknownKey(SignedRequest request) {
        byte[] expected = request.algorithm().sign(UNKNOWN_KEY_SECRET, request.stringToSign());
        Secrets.constantTimeEquals(expected, request.signature());
        return new Authentication.Refused(Authentication.Reason.UNKNOWN_KEY);
    }

    private static final byte[] UNKNOWN_KEY_SECRET = new byte[40];

    private static Optional<Authentication.Reason> checkTimeAndSignature(SignedRequest request, SecretKey secret, Instant now) {
        if (request.clockSkew().refuses(request.requestTime(), now)) {
            return Optional.of(Authentication.Reason.CLOCK_SKEW);
        }
        byte[] expected = request.algorithm().sign(secret.bytes(), request.stringToSign());
        // Constant time: a byte-by-byte early exit would let a caller find the signature one byte at a time.
        if (!Secrets.constantTimeEquals(expected, request.signature())) {
            return Optional.of(Authentication.Reason.BAD_SIGNATURE);
        }
        return Optional.empty();
    }
}
