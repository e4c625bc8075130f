package io.gatekey.application.port.in.account;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.Account;
import java.util.List;

/** Lists the accounts the caller may see: all for the operator, its own for an account's principals. */
public interface ListAccountsUseCase {

    List<Account> list(Principal caller);
}
