package io.gatekey.application.port.in.accesskey;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.AccessKeyId;
import java.util.Objects;

/** Reads one long-term key (its owner, state and last use), for whoever manages it; the door shows no secret. */
public interface GetAccessKeyUseCase {

    AccessKey get(Query query);

    record Query(Principal caller, AccessKeyId accessKeyId) {
        public Query {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(accessKeyId, "accessKeyId");
        }
    }
}
