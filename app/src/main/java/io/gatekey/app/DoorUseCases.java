package io.gatekey.app;

import io.gatekey.application.port.in.accesskey.ActivateAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.CreateAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.DeactivateAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.DeleteAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.GetAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.ListAccessKeysUseCase;
import io.gatekey.application.port.in.account.ActivateSubAccountUseCase;
import io.gatekey.application.port.in.account.CreateAccountUseCase;
import io.gatekey.application.port.in.account.CreateSubAccountUseCase;
import io.gatekey.application.port.in.account.DeactivateSubAccountUseCase;
import io.gatekey.application.port.in.account.DeleteSubAccountUseCase;
import io.gatekey.application.port.in.account.FindSubAccountByNameUseCase;
import io.gatekey.application.port.in.account.GetAccountUseCase;
import io.gatekey.application.port.in.account.GetLoginAliasUseCase;
import io.gatekey.application.port.in.account.GetSubAccountUseCase;
import io.gatekey.application.port.in.account.ListAccountsUseCase;
import io.gatekey.application.port.in.account.ListSubAccountsUseCase;
import io.gatekey.application.port.in.account.SetLoginAliasUseCase;
import io.gatekey.application.port.in.account.SetSubAccountPasswordUseCase;
import io.gatekey.application.port.in.account.UpdateSubAccountUseCase;
import io.gatekey.application.port.in.audit.ExportAuditEventsUseCase;
import io.gatekey.application.port.in.audit.ListAuditEventsUseCase;
import io.gatekey.application.port.in.audit.VerifyAuditTrailUseCase;
import io.gatekey.application.port.in.auth.AuthenticateRequestUseCase;
import io.gatekey.application.port.in.auth.IdentifyCallerUseCase;
import io.gatekey.application.port.in.console.ChangeConsolePasswordUseCase;
import io.gatekey.application.port.in.console.ConfirmConsoleCodeUseCase;
import io.gatekey.application.port.in.console.EnrolConsoleDeviceUseCase;
import io.gatekey.application.port.in.console.ResumeConsoleSessionUseCase;
import io.gatekey.application.port.in.console.SignInToConsoleUseCase;
import io.gatekey.application.port.in.console.SignOutOfConsoleUseCase;
import io.gatekey.application.port.in.credential.DescribeCallerCredentialUseCase;
import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.application.port.in.credential.ListTemporaryCredentialsUseCase;
import io.gatekey.application.port.in.credential.RevokeTemporaryCredentialsUseCase;
import io.gatekey.application.port.in.mfa.CreateMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.DeleteMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.DisableMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.EnableMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.ImportHardwareTokenUseCase;
import io.gatekey.application.port.in.mfa.ListMfaDevicesUseCase;
import io.gatekey.application.port.in.mfa.ResetMfaDriftUseCase;
import io.gatekey.application.port.in.mfa.ResyncMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.UnlockMfaDeviceUseCase;
import io.gatekey.application.service.GatekeyServices;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Each use case as a bean of its inbound port, for the HTTP doors, which take the ports they call. An operator
 * command's context leaves these definitions out ({@link GatekeyContextBuilder}): the CLI reaches the use cases
 * through {@link GatekeyServices}, and loading some forty definitions it never uses took a command about 40 ms.
 */
@Factory
class DoorUseCases {

    @Singleton
    CreateAccountUseCase createAccount(GatekeyServices useCases) {
        return useCases.createAccount();
    }

    @Singleton
    ListAccountsUseCase listAccounts(GatekeyServices useCases) {
        return useCases.listAccounts();
    }

    @Singleton
    SetLoginAliasUseCase setLoginAlias(GatekeyServices useCases) {
        return useCases.setLoginAlias();
    }

    @Singleton
    GetLoginAliasUseCase getLoginAlias(GatekeyServices useCases) {
        return useCases.getLoginAlias();
    }

    @Singleton
    GetAccountUseCase getAccount(GatekeyServices useCases) {
        return useCases.getAccount();
    }

    @Singleton
    ListAuditEventsUseCase listAuditEvents(GatekeyServices useCases) {
        return useCases.listAuditEvents();
    }

    @Singleton
    VerifyAuditTrailUseCase verifyAuditTrail(GatekeyServices useCases) {
        return useCases.verifyAuditTrail();
    }

    @Singleton
    ExportAuditEventsUseCase exportAuditEvents(GatekeyServices useCases) {
        return useCases.exportAuditEvents();
    }

    @Singleton
    CreateSubAccountUseCase createSubAccount(GatekeyServices useCases) {
        return useCases.createSubAccount();
    }

    @Singleton
    ActivateSubAccountUseCase activateSubAccount(GatekeyServices useCases) {
        return useCases.activateSubAccount();
    }

    @Singleton
    UpdateSubAccountUseCase updateSubAccount(GatekeyServices useCases) {
        return useCases.updateSubAccount();
    }

    @Singleton
    SetSubAccountPasswordUseCase setSubAccountPassword(GatekeyServices useCases) {
        return useCases.setSubAccountPassword();
    }

    @Singleton
    DeactivateSubAccountUseCase deactivateSubAccount(GatekeyServices useCases) {
        return useCases.deactivateSubAccount();
    }

    @Singleton
    DeleteSubAccountUseCase deleteSubAccount(GatekeyServices useCases) {
        return useCases.deleteSubAccount();
    }

    @Singleton
    GetSubAccountUseCase getSubAccount(GatekeyServices useCases) {
        return useCases.getSubAccount();
    }

    @Singleton
    FindSubAccountByNameUseCase findSubAccountByName(GatekeyServices useCases) {
        return useCases.findSubAccountByName();
    }

    @Singleton
    ListSubAccountsUseCase listSubAccounts(GatekeyServices useCases) {
        return useCases.listSubAccounts();
    }

    @Singleton
    CreateAccessKeyUseCase createAccessKey(GatekeyServices useCases) {
        return useCases.createAccessKey();
    }

    @Singleton
    ActivateAccessKeyUseCase activateAccessKey(GatekeyServices useCases) {
        return useCases.activateAccessKey();
    }

    @Singleton
    DeactivateAccessKeyUseCase deactivateAccessKey(GatekeyServices useCases) {
        return useCases.deactivateAccessKey();
    }

    @Singleton
    DeleteAccessKeyUseCase deleteAccessKey(GatekeyServices useCases) {
        return useCases.deleteAccessKey();
    }

    @Singleton
    ListAccessKeysUseCase listAccessKeys(GatekeyServices useCases) {
        return useCases.listAccessKeys();
    }

    @Singleton
    GetAccessKeyUseCase getAccessKey(GatekeyServices useCases) {
        return useCases.getAccessKey();
    }

    @Singleton
    CreateMfaDeviceUseCase createMfaDevice(GatekeyServices useCases) {
        return useCases.createMfaDevice();
    }

    @Singleton
    ImportHardwareTokenUseCase importHardwareToken(GatekeyServices useCases) {
        return useCases.importHardwareToken();
    }

    @Singleton
    EnableMfaDeviceUseCase enableMfaDevice(GatekeyServices useCases) {
        return useCases.enableMfaDevice();
    }

    @Singleton
    ResyncMfaDeviceUseCase resyncMfaDevice(GatekeyServices useCases) {
        return useCases.resyncMfaDevice();
    }

    @Singleton
    DisableMfaDeviceUseCase disableMfaDevice(GatekeyServices useCases) {
        return useCases.disableMfaDevice();
    }

    @Singleton
    DeleteMfaDeviceUseCase deleteMfaDevice(GatekeyServices useCases) {
        return useCases.deleteMfaDevice();
    }

    @Singleton
    ListMfaDevicesUseCase listMfaDevices(GatekeyServices useCases) {
        return useCases.listMfaDevices();
    }

    @Singleton
    UnlockMfaDeviceUseCase unlockMfaDevice(GatekeyServices useCases) {
        return useCases.unlockMfaDevice();
    }

    @Singleton
    ResetMfaDriftUseCase resetMfaDrift(GatekeyServices useCases) {
        return useCases.resetMfaDrift();
    }

    @Singleton
    IssueTemporaryCredentialsUseCase issueTemporaryCredentials(GatekeyServices useCases) {
        return useCases.issueTemporaryCredentials();
    }

    @Singleton
    IdentifyCallerUseCase identifyCaller(GatekeyServices useCases) {
        return useCases.identifyCaller();
    }

    @Singleton
    DescribeCallerCredentialUseCase describeCallerCredential(GatekeyServices useCases) {
        return useCases.describeCallerCredential();
    }

    @Singleton
    RevokeTemporaryCredentialsUseCase revokeTemporaryCredentials(GatekeyServices useCases) {
        return useCases.revokeTemporaryCredentials();
    }

    @Singleton
    ListTemporaryCredentialsUseCase listTemporaryCredentials(GatekeyServices useCases) {
        return useCases.listTemporaryCredentials();
    }

    @Singleton
    AuthenticateRequestUseCase authenticateRequest(GatekeyServices useCases) {
        return useCases.authenticateRequest();
    }

    @Singleton
    SignInToConsoleUseCase signInToConsole(GatekeyServices useCases) {
        return useCases.signInToConsole();
    }

    @Singleton
    ResumeConsoleSessionUseCase resumeConsoleSession(GatekeyServices useCases) {
        return useCases.resumeConsoleSession();
    }

    @Singleton
    ConfirmConsoleCodeUseCase confirmConsoleCode(GatekeyServices useCases) {
        return useCases.confirmConsoleCode();
    }

    @Singleton
    ChangeConsolePasswordUseCase changeConsolePassword(GatekeyServices useCases) {
        return useCases.changeConsolePassword();
    }

    @Singleton
    EnrolConsoleDeviceUseCase enrolConsoleDevice(GatekeyServices useCases) {
        return useCases.enrolConsoleDevice();
    }

    @Singleton
    SignOutOfConsoleUseCase signOutOfConsole(GatekeyServices useCases) {
        return useCases.signOutOfConsole();
    }
}
