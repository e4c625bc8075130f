package io.gatekey.application.port.in.accesskey;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.AccessKeyId;
import java.util.Objects;

/** Stops a long-term key from signing, keeping it for later activation. */
public interface DeactivateAccessKeyUseCase {

    AccessKey deactivate(Command command);

    record Command(Principal caller, AccessKeyId accessKeyId) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(accessKeyId, "accessKeyId");
        }
    }
}
