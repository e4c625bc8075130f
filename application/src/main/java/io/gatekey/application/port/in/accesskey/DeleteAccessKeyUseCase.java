package io.gatekey.application.port.in.accesskey;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKeyId;
import java.util.Objects;

/** Deletes a long-term key for good. */
public interface DeleteAccessKeyUseCase {

    void delete(Command command);

    record Command(Principal caller, AccessKeyId accessKeyId) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(accessKeyId, "accessKeyId");
        }
    }
}
