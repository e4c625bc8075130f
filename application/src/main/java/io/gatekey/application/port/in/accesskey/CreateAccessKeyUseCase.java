package io.gatekey.application.port.in.accesskey;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.KeyOwner;
import java.util.Objects;

/** Creates a long-term key for the account's admin or one of its sub accounts; its secret is shown this once. */
public interface CreateAccessKeyUseCase {

    AccessKey create(Command command);

    record Command(Principal caller, KeyOwner owner) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(owner, "owner");
        }
    }
}
