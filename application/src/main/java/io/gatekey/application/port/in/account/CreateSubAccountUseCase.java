package io.gatekey.application.port.in.account;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.ConsolePassword;
import io.gatekey.domain.account.SubAccountName;
import io.gatekey.domain.account.SubAccountProfile;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates an active sub account with a login id unique in its account and the next number of the account's, at
 * most {@code Limits.SUB_ACCOUNTS_PER_ACCOUNT} per account.
 */
public interface CreateSubAccountUseCase {

    SubAccount create(Command command);

    /** {@code password}: the console password, stored as a hash, if the sub account gets one now. */
    record Command(Principal caller, AccountId accountId, SubAccountName name, SubAccountProfile profile, Optional<ConsolePassword> password) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(password, "password");
        }

        /** With the default profile: API access, no console, the login id as display name. */
        public Command(Principal caller, AccountId accountId, SubAccountName name) {
            this(caller, accountId, name, SubAccountProfile.namedAfter(name), Optional.empty());
        }

        @Override
        public String toString() {
            return "Command[" + accountId + ", " + name + "]";
        }
    }
}
