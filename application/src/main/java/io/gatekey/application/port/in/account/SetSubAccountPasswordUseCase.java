package io.gatekey.application.port.in.account;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.ConsolePassword;
import io.gatekey.domain.account.SubAccountId;
import java.util.Objects;

/** Sets a sub account's console password (stored as an Argon2id hash), and whether it must be changed at the next sign-in. */
public interface SetSubAccountPasswordUseCase {

    void setPassword(Command command);

    record Command(Principal caller, SubAccountId subAccountId, ConsolePassword password, boolean needPasswordReset) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(subAccountId, "subAccountId");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Command[" + subAccountId + "]";
        }
    }
}
