package io.gatekey.application.port.in.mfa;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.mfa.MfaDevice;
import io.gatekey.domain.mfa.MfaSerialNumber;
import io.gatekey.domain.shared.InvalidValueException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Lists MFA devices page by page, ordered by serial number: one sub account's, or the whole account's. */
public interface ListMfaDevicesUseCase {

    int MAX_LIMIT = 200;
    int DEFAULT_LIMIT = 100;

    Page list(Query query);

    record Query(Principal caller, AccountId accountId, Optional<SubAccountId> subAccountId,
                 Optional<MfaSerialNumber> marker, int limit) {
        public Query {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(subAccountId, "subAccountId");
            Objects.requireNonNull(marker, "marker");
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new InvalidValueException("limit", "1-" + MAX_LIMIT);
            }
        }
    }

    /** One page; {@code nextMarker} is present when more devices follow. */
    record Page(List<MfaDevice> devices, Optional<MfaSerialNumber> nextMarker) {
        public Page {
            devices = List.copyOf(devices);
        }
    }
}
