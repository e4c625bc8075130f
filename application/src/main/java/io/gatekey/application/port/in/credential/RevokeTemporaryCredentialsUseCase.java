package io.gatekey.application.port.in.credential;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.mfa.MfaSerialNumber;
import java.util.Objects;

/** Revokes temporary credentials: one, all of a sub account, or all minted with one MFA device. */
public interface RevokeTemporaryCredentialsUseCase {

    /** Returns how many credentials were revoked by this call. */
    int revoke(Command command);

    record Command(Principal caller, Scope scope) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(scope, "scope");
        }
    }

    sealed interface Scope permits One, AllOfSubAccount, AllFromDevice {
    }

    record One(AccessKeyId accessKeyId) implements Scope {
        public One {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
        }
    }

    record AllOfSubAccount(SubAccountId subAccountId) implements Scope {
        public AllOfSubAccount {
            Objects.requireNonNull(subAccountId, "subAccountId");
        }
    }

    record AllFromDevice(MfaSerialNumber serialNumber) implements Scope {
        public AllFromDevice {
            Objects.requireNonNull(serialNumber, "serialNumber");
        }
    }
}
