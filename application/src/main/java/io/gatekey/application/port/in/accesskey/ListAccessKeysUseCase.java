package io.gatekey.application.port.in.accesskey;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.KeyOwner;
import java.util.List;
import java.util.Objects;

/** Lists an owner's long-term keys, oldest first. Secrets are never shown again. */
public interface ListAccessKeysUseCase {

    List<AccessKey> list(Query query);

    record Query(Principal caller, KeyOwner owner) {
        public Query {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(owner, "owner");
        }
    }
}
