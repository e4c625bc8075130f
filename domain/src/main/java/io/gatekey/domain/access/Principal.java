package io.gatekey.domain.access;

import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.mfa.MfaProvenance;
import java.util.Objects;
import java.util.Optional;

/** Who is calling: the local operator, an account's admin, or a sub account (with the MFA context of its key). */
public sealed interface Principal permits Principal.Operator, Principal.AccountAdmin, Principal.SubAccountUser, Principal.ConsoleUser {

    /** A short, non-secret description for audit records. */
    String describe();

    /** The account the caller belongs to; empty for the operator. */
    default Optional<AccountId> account() {
        if (this instanceof AccountAdmin admin) {
            return Optional.of(admin.accountId());
        }
        if (this instanceof SubAccountUser user) {
            return Optional.of(user.accountId());
        }
        if (this instanceof ConsoleUser user) {
            return Optional.of(user.accountId());
        }
        return Optional.empty();
    }

    /** The newest MFA check behind this caller: a temporary key's, or a console session's; empty for the others. */
    default Optional<MfaProvenance> mfaProof() {
        if (this instanceof SubAccountUser user) {
            return user.mfa();
        }
        if (this instanceof ConsoleUser user) {
            return user.mfa();
        }
        return Optional.empty();
    }

    /** The installation's operator: the local CLI and the embedding program, never a network caller. */
    record Operator() implements Principal {
        @Override
        public String describe() {
            return "operator";
        }
    }

    /** An account's admin, signing with one of the account's own (not a sub account's) keys. */
    record AccountAdmin(AccountId accountId, AccessKeyId accessKeyId) implements Principal {
        public AccountAdmin {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(accessKeyId, "accessKeyId");
        }

        @Override
        public String describe() {
            return "admin:" + accountId + "/" + accessKeyId;
        }
    }

    /**
     * A sub account, signing with a long-term key or a temporary one (which may carry MFA provenance). {@code rootKey}
     * is the long-term key behind the signing key: the key itself, or the one a temporary key was minted from (empty
     * for a credential the operator issued).
     */
    record SubAccountUser(AccountId accountId, SubAccountId subAccountId, AccessKeyId accessKeyId,
                          Optional<MfaProvenance> mfa, Optional<AccessKeyId> rootKey) implements Principal {
        public SubAccountUser {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(subAccountId, "subAccountId");
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(mfa, "mfa");
            Objects.requireNonNull(rootKey, "rootKey");
        }

        /** A user signing with its long-term key {@code accessKeyId}, or with a temporary key of no known origin. */
        public SubAccountUser(AccountId accountId, SubAccountId subAccountId, AccessKeyId accessKeyId, Optional<MfaProvenance> mfa) {
            this(accountId, subAccountId, accessKeyId, mfa, accessKeyId.isTemporary() ? Optional.empty() : Optional.of(accessKeyId));
        }

        public boolean temporary() {
            return accessKeyId.isTemporary();
        }

        @Override
        public String describe() {
            return "user:" + accountId + "/" + subAccountId + "/" + accessKeyId;
        }
    }

    /**
     * A sub account signed in to the console with its password (and a one-time code when it has a device): acts for
     * itself, with the newest MFA check of its session.
     */
    record ConsoleUser(AccountId accountId, SubAccountId subAccountId, Optional<MfaProvenance> mfa) implements Principal {
        public ConsoleUser {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(subAccountId, "subAccountId");
            Objects.requireNonNull(mfa, "mfa");
        }

        @Override
        public String describe() {
            return "console:" + accountId + "/" + subAccountId;
        }
    }
}
