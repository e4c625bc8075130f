package io.gatekey.application.port.in.credential;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.credential.DurationPolicy;
import io.gatekey.domain.credential.TemporaryCredential;
import io.gatekey.domain.mfa.MfaCheck;
import io.gatekey.domain.mfa.MfaDeviceType;
import io.gatekey.domain.mfa.MfaSerialNumber;
import io.gatekey.domain.shared.InvalidValueException;
import io.gatekey.domain.signature.RequestNonce;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Issues temporary credentials to a sub account for itself, after an MFA check when a code is presented.
 * A caller signing with a temporary key must present a fresh code.
 */
public interface IssueTemporaryCredentialsUseCase {

    Result issue(Command command);

    /**
     * {@code subAccountId} is needed only when the operator issues for a user; a user always gets its own.
     * {@code tokenBound}: the session token is handed to the holder, so every use must present it (Huawei, Tencent);
     * false for a door whose answer carries no token (NCP), whose credentials then sign alone.
     */
    record Command(Principal caller, Optional<SubAccountId> subAccountId, Duration lifetime, Optional<MfaPresentation> mfa,
                   boolean tokenBound, Optional<RequestNonce> nonce) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(subAccountId, "subAccountId");
            Objects.requireNonNull(lifetime, "lifetime");
            Objects.requireNonNull(mfa, "mfa");
            Objects.requireNonNull(nonce, "nonce");
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw new InvalidValueException("duration", "positive");
            }
        }

        /** Token-bound credentials. */
        public Command(Principal caller, Optional<SubAccountId> subAccountId, Duration lifetime, Optional<MfaPresentation> mfa) {
            this(caller, subAccountId, lifetime, mfa, true, Optional.empty());
        }

        /** A command whose lifetime follows the door's policy; {@code requestedSeconds} null means its default. */
        public static Command of(Principal caller, Optional<SubAccountId> subAccountId, DurationPolicy policy,
                                 Long requestedSeconds, Optional<MfaPresentation> mfa) {
            return new Command(caller, subAccountId, policy.resolve(requestedSeconds), mfa);
        }

        /** The same credentials, without their session token bound to each use. */
        public Command withoutTokenBinding() {
            return new Command(caller, subAccountId, lifetime, mfa, false, nonce);
        }

        /**
         * The same command for a request whose nonce authentication left to it ({@link
         * io.gatekey.application.port.in.auth.AuthenticateRequestUseCase#authenticateDeferringNonce}): the nonce is
         * recorded with the credential; a request already carried out gets {@link RequestReplayed}.
         */
        public Command withNonce(Optional<RequestNonce> requestNonce) {
            return new Command(caller, subAccountId, lifetime, mfa, tokenBound, requestNonce);
        }
    }

    /**
     * A code, for the device named by serial number or, without one, for the user's single enabled device of
     * {@code type}. The code is kept exactly as sent.
     */
    record MfaPresentation(Optional<MfaSerialNumber> serialNumber, MfaDeviceType type, String code) {
        public MfaPresentation {
            Objects.requireNonNull(serialNumber, "serialNumber");
            Objects.requireNonNull(type, "type");
            if (code == null || code.isEmpty()) {
                throw new InvalidValueException("tokenCode", "required");
            }
        }

        @Override
        public String toString() {
            return "MfaPresentation[" + serialNumber.map(Object::toString).orElse(type.name()) + "]";
        }
    }

    /** Issued, refused by the MFA check, or (for a command carrying its request's nonce) refused as a replay. */
    sealed interface Result permits Issued, MfaRejected, RequestReplayed {
    }

    record Issued(TemporaryCredential credential) implements Result {
    }

    record MfaRejected(MfaCheck.Reason reason) implements Result {
    }

    /** The command's request was carried out before: its nonce is already recorded. Nothing was changed. */
    record RequestReplayed() implements Result {
    }
}
