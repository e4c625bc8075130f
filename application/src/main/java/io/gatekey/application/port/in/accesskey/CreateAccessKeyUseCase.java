package io.gatekey.application.port.in.accesskey;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.KeyOwner;
import java.util.Objects;

/** Creates a long-term key for the account's admin or one of its sub accounts; its secret is shown this once. */
public interface CreateAccessKeyUseCase {

    AccessKey create(Command command);

    /**
     * What the owner's limit of keys counts: its active keys (Gatekey's rule, which every create keeps), or also its
     * inactive ones (IAM's quota, which the AWS door keeps besides).
     */
    enum Quota { ACTIVE_KEYS, ALL_KEYS }

    record Command(Principal caller, KeyOwner owner, Quota quota) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(quota, "quota");
        }

        /** A key within Gatekey's rule: at most two active keys. */
        public Command(Principal caller, KeyOwner owner) {
            this(caller, owner, Quota.ACTIVE_KEYS);
        }
    }
}
