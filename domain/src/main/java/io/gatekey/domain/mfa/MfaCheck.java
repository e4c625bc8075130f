package io.gatekey.domain.mfa;

import java.util.Objects;

/** The outcome of checking one-time codes against a device. */
public sealed interface MfaCheck permits MfaCheck.Accepted, MfaCheck.Rejected {

    /** The code matched {@code step}, which lies {@code offset} steps away from the server's current step. */
    record Accepted(long step, int offset) implements MfaCheck {
    }

    /** The code was refused, for {@code reason}. */
    record Rejected(Reason reason) implements MfaCheck {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a code was refused. */
    enum Reason {
        /** Not exactly the device's number of ASCII digits. */
        MALFORMED,
        /** No step in the window has this code. */
        INVALID,
        /** The code belongs to a step at or before the last accepted one. */
        REPLAYED,
        /** Two codes that are valid but not for consecutive steps. */
        NOT_CONSECUTIVE,
        /** Too many failures: no code is checked until the lock ends. */
        LOCKED,
        /** The device is not enabled. */
        NOT_ENABLED,
        /** The caller has no such device (or no single enabled one). */
        NO_DEVICE;

        /** Whether this refusal counts towards the lockout. */
        public boolean countsAsFailure() {
            return this == MALFORMED || this == INVALID || this == REPLAYED || this == NOT_CONSECUTIVE;
        }
    }
}
