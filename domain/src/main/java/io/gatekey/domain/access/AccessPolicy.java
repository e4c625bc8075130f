package io.gatekey.domain.access;

import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.shared.AccessDeniedException;

/**
 * Who may do what. An account's admin manages that account's sub accounts, keys, alias and devices; a sub
 * account manages its own MFA devices and gets credentials for itself; nothing crosses accounts. The operator,
 * being local, may do everything.
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    public static boolean mayManageAccount(Principal caller, AccountId account) {
        if (caller instanceof Principal.Operator) {
            return true;
        }
        return caller instanceof Principal.AccountAdmin admin && admin.accountId().equals(account);
    }

    /** Manage the account itself: sub accounts, keys, login alias. */
    public static void requireAccountManagement(Principal caller, AccountId account) {
        if (!mayManageAccount(caller, account)) {
            throw new AccessDeniedException("only the account's admin may do this");
        }
    }

    /** Act for one sub account: its own MFA devices and credentials (its admin may too). */
    public static void requireSelfOrAdmin(Principal caller, AccountId account, SubAccountId subAccount) {
        if (!mayManageAccount(caller, account) && !isSelf(caller, account, subAccount)) {
            throw new AccessDeniedException("only the user or the account's admin may do this");
        }
    }

    /** Temporary credentials are for sub accounts, each for itself. */
    public static void requireMayGetCredentialsFor(Principal caller, AccountId account, SubAccountId subAccount) {
        if (!(caller instanceof Principal.Operator) && !isSelf(caller, account, subAccount)) {
            throw new AccessDeniedException("temporary credentials are issued to a sub account for itself");
        }
    }

    /** A temporary credential cannot mint another one without a fresh MFA check, or a leaked one would live forever. */
    public static void requireMayMint(Principal caller, boolean freshMfaCheck) {
        if (caller instanceof Principal.SubAccountUser user && user.temporary() && !freshMfaCheck) {
            throw new AccessDeniedException("a temporary credential cannot get new credentials without a fresh MFA code");
        }
    }

    private static boolean isSelf(Principal caller, AccountId account, SubAccountId subAccount) {
        return caller instanceof Principal.SubAccountUser user
                && user.accountId().equals(account)
                && user.subAccountId().equals(subAccount);
    }
}
