package io.gatekey.domain.signature;

import io.gatekey.domain.access.Principal;
import java.util.Objects;

/** The verdict on a signed request. */
public sealed interface Authentication permits Authentication.Authenticated, Authentication.Refused {

    record Authenticated(Principal principal) implements Authentication {
        public Authenticated {
            Objects.requireNonNull(principal, "principal");
        }
    }

    record Refused(Reason reason) implements Authentication {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a request was refused. */
    enum Reason { UNKNOWN_KEY, INACTIVE, EXPIRED, REVOKED, CLOCK_SKEW, BAD_SIGNATURE, BAD_SESSION_TOKEN, REPLAYED_NONCE }
}
