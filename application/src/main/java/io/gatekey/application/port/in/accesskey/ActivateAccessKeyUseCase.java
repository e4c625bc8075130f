package io.gatekey.application.port.in.accesskey;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.AccessKeyId;
import java.util.Objects;

/** Lets a long-term key sign again. */
public interface ActivateAccessKeyUseCase {

    AccessKey activate(Command command);

    record Command(Principal caller, AccessKeyId accessKeyId) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(accessKeyId, "accessKeyId");
        }
    }
}
