package io.gatekey.application.service;

import io.gatekey.application.port.in.accesskey.ActivateAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.CreateAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.DeactivateAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.DeleteAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.GetAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.ListAccessKeysUseCase;
import io.gatekey.application.port.out.AccessKeyRepository;
import io.gatekey.domain.access.AccessPolicy;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.accesskey.KeyOwner;
import io.gatekey.domain.audit.AuditEventType;
import io.gatekey.domain.shared.ConflictException;
import io.gatekey.domain.shared.Limits;
import io.gatekey.domain.shared.NotFoundException;
import java.util.List;

/** Long-term access keys of an account's admin and its sub accounts. */
public final class AccessKeyService implements CreateAccessKeyUseCase, ActivateAccessKeyUseCase, DeactivateAccessKeyUseCase,
        DeleteAccessKeyUseCase, ListAccessKeysUseCase, GetAccessKeyUseCase {

    private final GatekeyPorts ports;
    private final AccessKeyRepository accessKeys;
    private final Lookups lookups;
    private final NewSecrets newSecrets;
    private final Auditor auditor;

    public AccessKeyService(GatekeyPorts ports) {
        this.ports = ports;
        this.accessKeys = ports.accessKeys();
        this.lookups = new Lookups(ports);
        this.newSecrets = new NewSecrets(ports.random());
        this.auditor = new Auditor(ports);
    }

    @Override
    public AccessKey create(CreateAccessKeyUseCase.Command command) {
        KeyOwner owner = checkedOwner(command.caller(), command.owner());
        if (owner.isAdmin()) {
            AccessPolicy.requireAdminKeyCreation(command.caller());
        }
        return ports.transactions().inTransaction(() -> {
            // First in the transaction: the count waits for, and sees, a create for the same owner under way elsewhere.
            if (command.quota() == Quota.ALL_KEYS && !accessKeys.holdsFewerThan(owner, Limits.ACCESS_KEYS_PER_OWNER)) {
                throw new ConflictException(ConflictException.Conflict.ACCESS_KEY_QUOTA);
            }
            AccessKey key = newSecrets.accessKey(owner, ports.clock().instant());
            if (!accessKeys.addWithinLimit(key, Limits.ACCESS_KEYS_PER_OWNER)) {
                throw new ConflictException(ConflictException.Conflict.ACCESS_KEY_LIMIT);
            }
            auditor.record(AuditEventType.ACCESS_KEY_CREATED, owner.accountId(), owner.subAccountId(), command.caller(), key.id(), ownerText(owner));
            return key;
        });
    }

    @Override
    public AccessKey activate(ActivateAccessKeyUseCase.Command command) {
        return setActive(command.caller(), command.accessKeyId(), true);
    }

    @Override
    public AccessKey deactivate(DeactivateAccessKeyUseCase.Command command) {
        return setActive(command.caller(), command.accessKeyId(), false);
    }

    @Override
    public void delete(DeleteAccessKeyUseCase.Command command) {
        AccessKey key = managed(command.caller(), command.accessKeyId());
        ports.transactions().inTransaction(() -> {
            accessKeys.delete(key.id());
            int revoked = ports.temporaryCredentials().revokeAllFromRootKey(key.id());
            auditor.record(AuditEventType.ACCESS_KEY_DELETED, key.owner().accountId(), key.owner().subAccountId(), command.caller(), key.id(),
                    ownerText(key.owner()) + revokedText(revoked));
            return null;
        });
    }

    @Override
    public AccessKey get(GetAccessKeyUseCase.Query query) {
        return managed(query.caller(), query.accessKeyId());
    }

    @Override
    public List<AccessKey> list(ListAccessKeysUseCase.Query query) {
        return accessKeys.listByOwner(checkedOwner(query.caller(), query.owner()));
    }

    private AccessKey setActive(Principal caller, AccessKeyId id, boolean active) {
        AccessKey key = managed(caller, id);
        return ports.transactions().inTransaction(() -> {
            if (active && !accessKeys.activateWithinLimit(id, Limits.ACCESS_KEYS_PER_OWNER)) {
                throw new ConflictException(ConflictException.Conflict.ACCESS_KEY_LIMIT);
            }
            if (!active) {
                accessKeys.deactivate(id);
            }
            // The credentials minted from a deactivated key die with it and stay dead when it is reactivated.
            int revoked = active ? 0 : ports.temporaryCredentials().revokeAllFromRootKey(id);
            auditor.record(active ? AuditEventType.ACCESS_KEY_ACTIVATED : AuditEventType.ACCESS_KEY_DEACTIVATED,
                    key.owner().accountId(), key.owner().subAccountId(), caller, id, ownerText(key.owner()) + revokedText(revoked));
            return key.withActive(active);
        });
    }

    private AccessKey managed(Principal caller, AccessKeyId id) {
        AccessKey key = lookups.accessKey(caller, id);
        AccessPolicy.requireKeyManagement(caller, key.owner().accountId(), key.owner().subAccountId());
        return key;
    }

    private KeyOwner checkedOwner(Principal caller, KeyOwner owner) {
        AccessPolicy.requireKeyManagement(caller, owner.accountId(), owner.subAccountId());
        lookups.account(caller, owner.accountId());
        owner.subAccountId().ifPresent(id -> {
            if (!lookups.subAccount(caller, id).accountId().equals(owner.accountId())) {
                throw new NotFoundException(NotFoundException.Missing.SUB_ACCOUNT, id.value());
            }
        });
        return owner;
    }

    private static String revokedText(int revoked) {
        return revoked == 0 ? "" : ", revoked " + revoked + " temporary credentials";
    }

    private static String ownerText(KeyOwner owner) {
        return owner.subAccountId().map(id -> "user " + id).orElse("admin");
    }
}
