package io.gatekey.adapter.http.console;

import io.gatekey.application.port.in.accesskey.CreateAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.DeactivateAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.ListAccessKeysUseCase;
import io.gatekey.application.port.in.account.GetSubAccountUseCase;
import io.gatekey.application.port.in.console.ChangeConsolePasswordUseCase;
import io.gatekey.application.port.in.console.ConfirmConsoleCodeUseCase;
import io.gatekey.application.port.in.console.EnrolConsoleDeviceUseCase;
import io.gatekey.application.port.in.console.ResumeConsoleSessionUseCase;
import io.gatekey.application.port.in.console.SignInToConsoleUseCase;
import io.gatekey.application.port.in.console.SignOutOfConsoleUseCase;
import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.application.port.in.credential.ListTemporaryCredentialsUseCase;
import io.gatekey.application.port.in.mfa.DeleteMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.DisableMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.ListMfaDevicesUseCase;
import io.gatekey.application.port.in.mfa.ResyncMfaDeviceUseCase;
import jakarta.inject.Singleton;

/** The use cases behind the console's pages, injected as one. */
@Singleton
record ConsoleUseCases(
        SignInToConsoleUseCase signIn,
        ResumeConsoleSessionUseCase resume,
        ConfirmConsoleCodeUseCase confirmCode,
        ChangeConsolePasswordUseCase changePassword,
        EnrolConsoleDeviceUseCase enrol,
        SignOutOfConsoleUseCase signOut,
        GetSubAccountUseCase getSubAccount,
        ListMfaDevicesUseCase listDevices,
        ResyncMfaDeviceUseCase resyncDevice,
        DisableMfaDeviceUseCase disableDevice,
        DeleteMfaDeviceUseCase deleteDevice,
        ListAccessKeysUseCase listKeys,
        CreateAccessKeyUseCase createKey,
        DeactivateAccessKeyUseCase deactivateKey,
        IssueTemporaryCredentialsUseCase issueCredentials,
        ListTemporaryCredentialsUseCase listCredentials) {
}
