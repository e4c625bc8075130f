package io.gatekey.application.service;

import io.gatekey.application.port.out.AccessKeyRepository;
import io.gatekey.application.port.out.AccountRepository;
import io.gatekey.application.port.out.MfaDeviceRepository;
import io.gatekey.application.port.out.SubAccountRepository;
import io.gatekey.domain.access.AccessPolicy;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.mfa.MfaDevice;
import io.gatekey.domain.mfa.MfaSerialNumber;
import io.gatekey.domain.shared.NotFoundException;

/**
 * Loads what a command names, or fails with NotFound. Objects of another account are reported as missing, not
 * forbidden, so a caller cannot probe which ids exist elsewhere.
 */
final class Lookups {

    private final AccountRepository accounts;
    private final SubAccountRepository subAccounts;
    private final AccessKeyRepository accessKeys;
    private final MfaDeviceRepository mfaDevices;

    Lookups(GatekeyPorts ports) {
        this.accounts = ports.accounts();
        this.subAccounts = ports.subAccounts();
        this.accessKeys = ports.accessKeys();
        this.mfaDevices = ports.mfaDevices();
    }

    Account account(Principal caller, AccountId id) {
        return accounts.find(id)
                .filter(account -> caller.account().map(id::equals).orElse(true))
                .orElseThrow(() -> new NotFoundException(NotFoundException.Missing.ACCOUNT, id.value()));
    }

    SubAccount subAccount(Principal caller, SubAccountId id) {
        return subAccounts.find(id)
                .filter(user -> visible(caller, user.accountId()))
                .orElseThrow(() -> new NotFoundException(NotFoundException.Missing.SUB_ACCOUNT, id.value()));
    }

    AccessKey accessKey(Principal caller, AccessKeyId id) {
        return accessKeys.find(id)
                .filter(key -> visible(caller, key.owner().accountId()))
                .orElseThrow(() -> new NotFoundException(NotFoundException.Missing.ACCESS_KEY, id.value()));
    }

    /** The device, which must belong to {@code owner}; the caller must be that user or the account's admin. */
    MfaDevice mfaDeviceOf(Principal caller, SubAccountId owner, MfaSerialNumber serial) {
        SubAccount user = subAccount(caller, owner);
        AccessPolicy.requireSelfOrAdmin(caller, user.accountId(), user.id());
        return mfaDevices.find(serial)
                .filter(device -> device.subAccountId().equals(owner))
                .orElseThrow(() -> new NotFoundException(NotFoundException.Missing.MFA_DEVICE, serial.value()));
    }

    MfaDevice mfaDevice(Principal caller, MfaSerialNumber serial) {
        return mfaDevices.find(serial)
                .filter(device -> visible(caller, device.accountId()))
                .orElseThrow(() -> new NotFoundException(NotFoundException.Missing.MFA_DEVICE, serial.value()));
    }

    private static boolean visible(Principal caller, AccountId account) {
        return caller.account().map(account::equals).orElse(true);
    }
}
