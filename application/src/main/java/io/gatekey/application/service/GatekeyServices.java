package io.gatekey.application.service;

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
import io.gatekey.application.port.in.account.SetSubAccountPasswordUseCase;
import io.gatekey.application.port.in.account.UpdateSubAccountUseCase;
import io.gatekey.application.port.in.account.SetLoginAliasUseCase;
import io.gatekey.application.port.in.audit.ExportAuditEventsUseCase;
import io.gatekey.application.port.in.audit.ListAuditEventsUseCase;
import io.gatekey.application.port.in.audit.RecordDatabaseBackupUseCase;
import io.gatekey.application.port.in.audit.RecordDatabaseRestoreUseCase;
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
import io.gatekey.domain.selftest.KnownAnswers;

/** Builds every use case over one set of ports; the embedded library and the Micronaut factory both start here. */
public final class GatekeyServices {

    private final AccountService accounts;
    private final AuditTrailService auditTrail;
    private final SubAccountService subAccounts;
    private final AccessKeyService accessKeys;
    private final MfaDeviceService mfaDevices;
    private final CredentialService credentials;
    private final AuthenticationService authentication;
    private final ConsoleService console;

    public GatekeyServices(GatekeyPorts ports, GatekeySettings settings) {
        // Before any use case exists: the published TOTP, HOTP and HMAC vectors (once per JVM).
        KnownAnswers.requireOnce();
        this.accounts = new AccountService(ports);
        this.auditTrail = new AuditTrailService(ports);
        this.subAccounts = new SubAccountService(ports);
        this.accessKeys = new AccessKeyService(ports);
        this.mfaDevices = new MfaDeviceService(ports, settings);
        this.authentication = new AuthenticationService(ports, settings);
        this.credentials = new CredentialService(ports, settings, authentication);
        this.console = new ConsoleService(ports, settings, mfaDevices);
    }

    public CreateAccountUseCase createAccount() { return accounts; }
    public ListAccountsUseCase listAccounts() { return accounts; }
    public SetLoginAliasUseCase setLoginAlias() { return accounts; }
    public GetLoginAliasUseCase getLoginAlias() { return accounts; }
    public GetAccountUseCase getAccount() { return accounts; }
    public ListAuditEventsUseCase listAuditEvents() { return auditTrail; }
    public VerifyAuditTrailUseCase verifyAuditTrail() { return auditTrail; }
    public ExportAuditEventsUseCase exportAuditEvents() { return auditTrail; }
    public RecordDatabaseBackupUseCase recordDatabaseBackup() { return auditTrail; }
    public RecordDatabaseRestoreUseCase recordDatabaseRestore() { return auditTrail; }

    public CreateSubAccountUseCase createSubAccount() { return subAccounts; }
    public ActivateSubAccountUseCase activateSubAccount() { return subAccounts; }
    public DeactivateSubAccountUseCase deactivateSubAccount() { return subAccounts; }
    public DeleteSubAccountUseCase deleteSubAccount() { return subAccounts; }
    public GetSubAccountUseCase getSubAccount() { return subAccounts; }
    public FindSubAccountByNameUseCase findSubAccountByName() { return subAccounts; }
    public ListSubAccountsUseCase listSubAccounts() { return subAccounts; }
    public UpdateSubAccountUseCase updateSubAccount() { return subAccounts; }
    public SetSubAccountPasswordUseCase setSubAccountPassword() { return subAccounts; }

    public CreateAccessKeyUseCase createAccessKey() { return accessKeys; }
    public ActivateAccessKeyUseCase activateAccessKey() { return accessKeys; }
    public DeactivateAccessKeyUseCase deactivateAccessKey() { return accessKeys; }
    public DeleteAccessKeyUseCase deleteAccessKey() { return accessKeys; }
    public ListAccessKeysUseCase listAccessKeys() { return accessKeys; }
    public GetAccessKeyUseCase getAccessKey() { return accessKeys; }

    public CreateMfaDeviceUseCase createMfaDevice() { return mfaDevices; }
    public ImportHardwareTokenUseCase importHardwareToken() { return mfaDevices; }
    public EnableMfaDeviceUseCase enableMfaDevice() { return mfaDevices; }
    public ResyncMfaDeviceUseCase resyncMfaDevice() { return mfaDevices; }
    public DisableMfaDeviceUseCase disableMfaDevice() { return mfaDevices; }
    public DeleteMfaDeviceUseCase deleteMfaDevice() { return mfaDevices; }
    public ListMfaDevicesUseCase listMfaDevices() { return mfaDevices; }
    public UnlockMfaDeviceUseCase unlockMfaDevice() { return mfaDevices; }
    public ResetMfaDriftUseCase resetMfaDrift() { return mfaDevices; }

    public IssueTemporaryCredentialsUseCase issueTemporaryCredentials() { return credentials; }
    public DescribeCallerCredentialUseCase describeCallerCredential() { return credentials; }
    public RevokeTemporaryCredentialsUseCase revokeTemporaryCredentials() { return credentials; }
    public ListTemporaryCredentialsUseCase listTemporaryCredentials() { return credentials; }

    public AuthenticateRequestUseCase authenticateRequest() { return authentication; }
    public IdentifyCallerUseCase identifyCaller() { return authentication; }

    public SignInToConsoleUseCase signInToConsole() { return console; }
    public ResumeConsoleSessionUseCase resumeConsoleSession() { return console; }
    public ConfirmConsoleCodeUseCase confirmConsoleCode() { return console; }
    public ChangeConsolePasswordUseCase changeConsolePassword() { return console; }
    public EnrolConsoleDeviceUseCase enrolConsoleDevice() { return console; }
    public SignOutOfConsoleUseCase signOutOfConsole() { return console; }
}
