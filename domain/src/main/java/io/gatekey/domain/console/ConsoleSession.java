package io.gatekey.domain.console;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.mfa.MfaProvenance;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A sub account's console session, as stored: its key (the token's hash), whose it is, how far its sign-in got, the
 * token every form must echo ({@code csrfToken}), when it began and was last used, and the newest MFA check made in
 * it.
 */
public record ConsoleSession(ConsoleSessionKey key, AccountId accountId, SubAccountId subAccountId, SignInStage stage, String csrfToken,
                             Instant createdAt, Instant lastSeenAt, Optional<MfaProvenance> mfa) {

    public ConsoleSession {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(subAccountId, "subAccountId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(mfa, "mfa");
    }

    /** Whether the session still holds at {@code now}: used within the idle time, and within its absolute lifetime. */
    public boolean liveAt(Instant now, ConsoleSessionPolicy policy) {
        return now.isBefore(lastSeenAt.plus(policy.idle())) && now.isBefore(createdAt.plus(policy.absolute()))
                && !now.isBefore(createdAt);
    }

    /** The same session, used at {@code now}. */
    public ConsoleSession seenAt(Instant now) {
        return new ConsoleSession(key, accountId, subAccountId, stage, csrfToken, createdAt, now, mfa);
    }

    /** The caller this session acts as; only a finished sign-in acts at all. */
    public Principal.ConsoleUser principal() {
        return new Principal.ConsoleUser(accountId, subAccountId, mfa);
    }

    /** The same sign-in under a new key and form token, one step further (the absolute lifetime runs on). */
    public ConsoleSession advancedTo(ConsoleSessionKey newKey, String newCsrfToken, SignInStage next, Instant now, Optional<MfaProvenance> proof) {
        return new ConsoleSession(newKey, accountId, subAccountId, next, newCsrfToken, createdAt, now, proof.or(() -> mfa));
    }
}
