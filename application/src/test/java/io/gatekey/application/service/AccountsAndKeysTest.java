package io.gatekey.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.port.in.accesskey.CreateAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.DeactivateAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.DeleteAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.ListAccessKeysUseCase;
import io.gatekey.application.port.in.account.CreateAccountUseCase;
import io.gatekey.application.port.in.account.CreateSubAccountUseCase;
import io.gatekey.application.port.in.account.DeleteSubAccountUseCase;
import io.gatekey.application.port.in.account.FindSubAccountByNameUseCase;
import io.gatekey.application.port.in.account.GetLoginAliasUseCase;
import io.gatekey.application.port.in.account.ListSubAccountsUseCase;
import io.gatekey.application.port.in.account.SetLoginAliasUseCase;
import io.gatekey.application.port.in.credential.ListTemporaryCredentialsUseCase;
import io.gatekey.application.testing.World;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.KeyOwner;
import io.gatekey.domain.account.AccountName;
import io.gatekey.domain.account.LoginAlias;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountName;
import io.gatekey.domain.audit.AuditEventType;
import io.gatekey.domain.shared.AccessDeniedException;
import io.gatekey.domain.shared.ConflictException;
import io.gatekey.domain.shared.NotFoundException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountsAndKeysTest {

    private final World world = new World();
    private final World.Tenant acme = world.acme;

    private void setAlias(World.Tenant tenant, io.gatekey.domain.access.Principal caller, String alias) {
        world.useCases.setLoginAlias().setLoginAlias(new SetLoginAliasUseCase.Command(caller, tenant.accountId, new LoginAlias(alias)));
    }

    @Test
    void theOperatorCreatesAnAccountWithAnActiveAdminKey() {
        assertEquals(32, acme.accountId.value().length());
        assertTrue(acme.adminKey.active());
        assertTrue(acme.adminKey.owner().isAdmin());
        assertEquals(40, acme.adminKey.secret().reveal().length());
        assertTrue(acme.adminKey.id().value().matches("GKAK[A-Z2-7]{16}"));
        assertEquals(2, world.audit(AuditEventType.ACCOUNT_CREATED).size());
        assertThrows(AccessDeniedException.class, () -> world.useCases.createAccount().create(
                new CreateAccountUseCase.Command(acme.admin, new AccountName("Nope"))));
    }

    @Test
    void theAdminSetsAndReadsTheLoginAlias() {
        GetLoginAliasUseCase.Query query = new GetLoginAliasUseCase.Query(acme.userPrincipal, acme.accountId);
        assertEquals(Optional.empty(), world.useCases.getLoginAlias().getLoginAlias(query));
        setAlias(acme, acme.admin, "acme123");
        assertEquals(Optional.of(new LoginAlias("acme123")), world.useCases.getLoginAlias().getLoginAlias(query));
        setAlias(acme, acme.admin, "acme123");
        setAlias(acme, acme.admin, "acme2");
        assertEquals(Optional.of(new LoginAlias("acme2")), world.useCases.getLoginAlias().getLoginAlias(query));
    }

    @Test
    void anAliasTakenByAnotherAccountIsAConflict() {
        setAlias(acme, acme.admin, "shared");
        ConflictException e = assertThrows(ConflictException.class, () -> setAlias(world.globex, world.globex.admin, "shared"));
        assertEquals(ConflictException.Conflict.LOGIN_ALIAS_TAKEN, e.conflict());
    }

    @Test
    void onlyTheAccountsOwnAdminSetsItsAlias() {
        assertThrows(AccessDeniedException.class, () -> setAlias(acme, acme.userPrincipal, "mine"));
        assertThrows(AccessDeniedException.class, () -> setAlias(acme, world.globex.admin, "mine"));
        assertThrows(NotFoundException.class, () -> world.useCases.getLoginAlias().getLoginAlias(
                new GetLoginAliasUseCase.Query(world.globex.admin, acme.accountId)));
    }

    @Test
    void subAccountNamesAreUniquePerAccount() {
        ConflictException e = assertThrows(ConflictException.class, () -> world.useCases.createSubAccount().create(
                new CreateSubAccountUseCase.Command(acme.admin, acme.accountId, new SubAccountName("alice"))));
        assertEquals(ConflictException.Conflict.SUB_ACCOUNT_NAME_TAKEN, e.conflict());
        world.useCases.createSubAccount().create(new CreateSubAccountUseCase.Command(world.globex.admin, world.globex.accountId, new SubAccountName("alice")));
        assertThrows(AccessDeniedException.class, () -> world.useCases.createSubAccount().create(
                new CreateSubAccountUseCase.Command(world.globex.admin, acme.accountId, new SubAccountName("eve"))));
        assertEquals(1, world.useCases.listSubAccounts().list(new ListSubAccountsUseCase.Query(acme.admin, acme.accountId)).size());
    }

    @Test
    void anAdminFindsItsAccountsUserByLoginId() {
        world.useCases.createSubAccount().create(new CreateSubAccountUseCase.Command(world.globex.admin, world.globex.accountId, new SubAccountName("alice")));
        FindSubAccountByNameUseCase find = world.useCases.findSubAccountByName();
        assertEquals(Optional.of(acme.user.id()), find.find(new FindSubAccountByNameUseCase.Query(acme.admin, acme.accountId, new SubAccountName("alice")))
                .map(SubAccount::id));
        assertEquals(Optional.empty(), find.find(new FindSubAccountByNameUseCase.Query(acme.admin, acme.accountId, new SubAccountName("nobody"))));
        assertEquals(Optional.of(acme.user.id()), find.find(new FindSubAccountByNameUseCase.Query(new Principal.Operator(), acme.accountId,
                new SubAccountName("alice"))).map(SubAccount::id));
        assertThrows(AccessDeniedException.class, () -> find.find(new FindSubAccountByNameUseCase.Query(world.globex.admin, acme.accountId,
                new SubAccountName("alice"))));
        assertThrows(AccessDeniedException.class, () -> find.find(new FindSubAccountByNameUseCase.Query(acme.userPrincipal, acme.accountId,
                new SubAccountName("alice"))));
    }

    @Test
    void loginIdsThatDifferOnlyInCaseAreTwoUsers() {
        SubAccount upper = world.useCases.createSubAccount().create(new CreateSubAccountUseCase.Command(acme.admin, acme.accountId, new SubAccountName("ALICE")));
        FindSubAccountByNameUseCase find = world.useCases.findSubAccountByName();
        assertEquals(Optional.of(upper.id()), find.find(new FindSubAccountByNameUseCase.Query(acme.admin, acme.accountId, new SubAccountName("ALICE")))
                .map(SubAccount::id));
        assertEquals(Optional.of(acme.user.id()), find.find(new FindSubAccountByNameUseCase.Query(acme.admin, acme.accountId, new SubAccountName("alice")))
                .map(SubAccount::id));
        assertEquals(Optional.empty(), find.find(new FindSubAccountByNameUseCase.Query(acme.admin, acme.accountId, new SubAccountName("Alice"))));
    }

    @Test
    void anOwnerHoldsAtMostTwoKeys() {
        KeyOwner owner = KeyOwner.subAccount(acme.accountId, acme.user.id());
        AccessKey second = world.useCases.createAccessKey().create(new CreateAccessKeyUseCase.Command(acme.admin, owner));
        ConflictException e = assertThrows(ConflictException.class, () -> world.useCases.createAccessKey().create(new CreateAccessKeyUseCase.Command(acme.admin, owner)));
        assertEquals(ConflictException.Conflict.ACCESS_KEY_LIMIT, e.conflict());

        world.useCases.deleteAccessKey().delete(new DeleteAccessKeyUseCase.Command(acme.admin, second.id()));
        assertEquals(1, world.useCases.listAccessKeys().list(new ListAccessKeysUseCase.Query(acme.admin, owner)).size());
    }

    @Test
    void underIamsQuotaInactiveKeysCountToo() {
        KeyOwner owner = KeyOwner.subAccount(acme.accountId, acme.user.id());
        world.useCases.deactivateAccessKey().deactivate(new DeactivateAccessKeyUseCase.Command(acme.admin, acme.userKey.id()));
        AccessKey second = world.useCases.createAccessKey().create(new CreateAccessKeyUseCase.Command(acme.admin, owner, CreateAccessKeyUseCase.Quota.ALL_KEYS));
        ConflictException e = assertThrows(ConflictException.class, () -> world.useCases.createAccessKey().create(
                new CreateAccessKeyUseCase.Command(acme.admin, owner, CreateAccessKeyUseCase.Quota.ALL_KEYS)));
        assertEquals(ConflictException.Conflict.ACCESS_KEY_QUOTA, e.conflict());
        assertEquals(2, world.useCases.listAccessKeys().list(new ListAccessKeysUseCase.Query(acme.admin, owner)).size(), "nothing added");
        // Gatekey's own rule counts the active keys only: one more fits.
        AccessKey third = world.useCases.createAccessKey().create(new CreateAccessKeyUseCase.Command(acme.admin, owner));
        assertEquals(java.util.Set.of(acme.userKey.id(), second.id(), third.id()), java.util.Set.copyOf(world.useCases.listAccessKeys()
                .list(new ListAccessKeysUseCase.Query(acme.admin, owner)).stream().map(AccessKey::id).toList()));
    }

    @Test
    void onlyTheOperatorMakesAKeyForTheAccountsAdmin() {
        KeyOwner admin = KeyOwner.admin(acme.accountId);
        AccessDeniedException refused = assertThrows(AccessDeniedException.class,
                () -> world.useCases.createAccessKey().create(new CreateAccessKeyUseCase.Command(acme.admin, admin)));
        assertEquals("only the operator makes a key for the account's admin: a signed request cannot plant a second one", refused.getMessage());
        assertEquals(1, world.useCases.listAccessKeys().list(new ListAccessKeysUseCase.Query(acme.admin, admin)).size(), "nothing added");

        // The admin's keys are still the admin's to deactivate and delete: a stolen one can be taken out of use with another.
        AccessKey second = world.useCases.createAccessKey().create(new CreateAccessKeyUseCase.Command(world.operator, admin));
        world.useCases.deactivateAccessKey().deactivate(new DeactivateAccessKeyUseCase.Command(acme.admin, second.id()));
        world.useCases.deleteAccessKey().delete(new DeleteAccessKeyUseCase.Command(acme.admin, second.id()));
        assertEquals(1, world.useCases.listAccessKeys().list(new ListAccessKeysUseCase.Query(acme.admin, admin)).size());
    }

    @Test
    void keysAreManagedOnlyByTheirAccountsAdmin() {
        KeyOwner owner = KeyOwner.subAccount(acme.accountId, acme.user.id());
        assertThrows(AccessDeniedException.class, () -> world.useCases.createAccessKey().create(new CreateAccessKeyUseCase.Command(acme.userPrincipal, owner)));
        assertThrows(AccessDeniedException.class, () -> world.useCases.createAccessKey().create(new CreateAccessKeyUseCase.Command(world.globex.admin, owner)));
        assertThrows(NotFoundException.class, () -> world.useCases.deactivateAccessKey().deactivate(
                new DeactivateAccessKeyUseCase.Command(world.globex.admin, acme.userKey.id())));
        assertThrows(NotFoundException.class, () -> world.useCases.createAccessKey().create(new CreateAccessKeyUseCase.Command(
                acme.admin, KeyOwner.subAccount(acme.accountId, world.globex.user.id()))));
        AccessKey deactivated = world.useCases.deactivateAccessKey().deactivate(new DeactivateAccessKeyUseCase.Command(acme.admin, acme.userKey.id()));
        assertFalse(deactivated.active());
    }

    @Test
    void deletingASubAccountRemovesItsKeysAndDevicesAndRevokesItsCredentials() {
        acme.enrolledDevice("phone");
        var issued = acme.issueAs(acme.userPrincipal, Optional.empty(), null);
        assertTrue(issued instanceof io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase.Issued);

        world.useCases.deleteSubAccount().delete(new DeleteSubAccountUseCase.Command(acme.admin, acme.user.id()));

        assertEquals(0, world.useCases.listSubAccounts().list(new ListSubAccountsUseCase.Query(acme.admin, acme.accountId)).size());
        assertThrows(NotFoundException.class, () -> world.useCases.listTemporaryCredentials().list(
                new ListTemporaryCredentialsUseCase.Query(acme.admin, acme.user.id())));
        assertEquals("revoked 1 temporary credentials", world.audit(AuditEventType.SUB_ACCOUNT_DELETED).get(0).detail());
    }
}
