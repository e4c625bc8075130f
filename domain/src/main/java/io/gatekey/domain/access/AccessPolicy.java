package io.gatekey.domain.access;

import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.mfa.MfaProvenance;
import io.gatekey.domain.mfa.MfaSerialNumber;
import io.gatekey.domain.shared.AccessDeniedException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

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

    /**
     * MFA guards its own removal: while a user has an enabled device, the user may change its devices (disable,
     * delete, enrol or enable another) only with proof of one of them, {@code provingDevices}: a request signed with
     * temporary credentials whose MFA check by such a device is at most {@code maxAge} old. Without that rule one
     * stolen long-term key could swap the victim's device for the attacker's. The account's admin and the operator
     * may always act (recovery); a user with no enabled device enrols with its long-term key.
     */
    public static void requireMfaProof(Principal caller, AccountId account, SubAccountId subAccount,
                                       Set<MfaSerialNumber> provingDevices, Instant now, Duration maxAge) {
        if (mayManageAccount(caller, account)) {
            return;
        }
        if (!isSelf(caller, account, subAccount)) {
            throw new AccessDeniedException("only the user or the account's admin may do this");
        }
        if (provingDevices.isEmpty()) {
            return;
        }
        Optional<MfaProvenance> proof = caller.mfaProof();
        boolean recent = proof.filter(p -> provingDevices.contains(p.serialNumber()))
                .filter(p -> !p.verifiedAt().isAfter(now) && !p.verifiedAt().plus(maxAge).isBefore(now))
                .isPresent();
        if (!recent) {
            throw new AccessDeniedException("changing an MFA device needs credentials from an MFA check by the user's enabled device "
                    + "within the last " + maxAge.toMinutes() + " minutes");
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

    /**
     * Long-term keys: the account's admin manages all of them; a user signed in to the console manages its own. A
     * request signed with a user's key may not make another long-term key, so one stolen key cannot plant a second
     * one that outlives its rotation.
     */
    public static void requireKeyManagement(Principal caller, AccountId account, Optional<SubAccountId> owner) {
        if (mayManageAccount(caller, account)) {
            return;
        }
        if (caller instanceof Principal.ConsoleUser user && owner.isPresent() && isSelf(user, account, owner.get())) {
            return;
        }
        throw new AccessDeniedException("only the account's admin may do this");
    }

    /**
     * A new key for the account's admin is the operator's to make: a request signed with an admin key may list,
     * deactivate and delete the admin's keys, but not make another, so one stolen admin key cannot plant a second
     * that outlives its rotation, as a user's key cannot.
     */
    public static void requireAdminKeyCreation(Principal caller) {
        if (!(caller instanceof Principal.Operator)) {
            throw new AccessDeniedException("only the operator makes a key for the account's admin: a signed request cannot plant a second one");
        }
    }

    private static boolean isSelf(Principal caller, AccountId account, SubAccountId subAccount) {
        if (caller instanceof Principal.SubAccountUser user) {
            return user.accountId().equals(account) && user.subAccountId().equals(subAccount);
        }
        return caller instanceof Principal.ConsoleUser user && user.accountId().equals(account) && user.subAccountId().equals(subAccount);
    }
}
