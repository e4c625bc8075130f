package io.gatekey.domain.mfa;

import java.time.Instant;
import java.util.Objects;

/** The MFA check behind a temporary credential: which device, which time step matched, and when. */
public record MfaProvenance(MfaSerialNumber serialNumber, long matchedStep, Instant verifiedAt) {

    public MfaProvenance {
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
    }
}
