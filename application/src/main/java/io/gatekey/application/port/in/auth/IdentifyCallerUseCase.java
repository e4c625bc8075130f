package io.gatekey.application.port.in.auth;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.SubAccount;
import java.util.Optional;

/**
 * Who signed a request, as authenticating it just read them: the sub account of a user's key (empty for an account's
 * admin key), no fresher than the key cache's lifetime, so a door that answers "who am I" reads no storage while the
 * cache holds it.
 */
public interface IdentifyCallerUseCase {

    Optional<SubAccount> callerSubAccount(Principal caller);
}
