package io.gatekey.adapter.http.aws;

import io.gatekey.application.port.in.accesskey.ActivateAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.CreateAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.DeactivateAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.DeleteAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.GetAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.ListAccessKeysUseCase;
import io.gatekey.application.port.in.account.CreateSubAccountUseCase;
import io.gatekey.application.port.in.account.DeleteSubAccountUseCase;
import io.gatekey.application.port.in.account.FindSubAccountByNameUseCase;
import io.gatekey.application.port.in.account.GetAccountUseCase;
import io.gatekey.application.port.in.account.GetSubAccountUseCase;
import io.gatekey.application.port.in.account.ListSubAccountsUseCase;
import io.gatekey.application.port.in.mfa.CreateMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.DeleteMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.DisableMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.EnableMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.ListMfaDevicesUseCase;
import io.gatekey.application.port.in.mfa.ResyncMfaDeviceUseCase;
import jakarta.inject.Singleton;

/** The use cases behind the AWS door's IAM actions, injected as one. */
@Singleton
record AwsIamUseCases(
        GetAccountUseCase getAccount,
        CreateSubAccountUseCase createUser,
        GetSubAccountUseCase getUser,
        FindSubAccountByNameUseCase findUser,
        ListSubAccountsUseCase listUsers,
        DeleteSubAccountUseCase deleteUser,
        CreateAccessKeyUseCase createAccessKey,
        ListAccessKeysUseCase listAccessKeys,
        GetAccessKeyUseCase getAccessKey,
        ActivateAccessKeyUseCase activateAccessKey,
        DeactivateAccessKeyUseCase deactivateAccessKey,
        DeleteAccessKeyUseCase deleteAccessKey,
        CreateMfaDeviceUseCase createDevice,
        EnableMfaDeviceUseCase enableDevice,
        ResyncMfaDeviceUseCase resyncDevice,
        DisableMfaDeviceUseCase disableDevice,
        DeleteMfaDeviceUseCase deleteDevice,
        ListMfaDevicesUseCase listDevices) {
}
