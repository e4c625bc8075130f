package io.gatekey.adapter.http.ncp;

import io.gatekey.application.port.in.accesskey.ActivateAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.CreateAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.DeactivateAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.DeleteAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.ListAccessKeysUseCase;
import io.gatekey.application.port.in.account.CreateSubAccountUseCase;
import io.gatekey.application.port.in.account.DeleteSubAccountUseCase;
import io.gatekey.application.port.in.account.GetLoginAliasUseCase;
import io.gatekey.application.port.in.account.GetSubAccountUseCase;
import io.gatekey.application.port.in.account.ListSubAccountsUseCase;
import io.gatekey.application.port.in.account.SetLoginAliasUseCase;
import io.gatekey.application.port.in.account.SetSubAccountPasswordUseCase;
import io.gatekey.application.port.in.account.UpdateSubAccountUseCase;
import io.gatekey.application.port.in.credential.ListTemporaryCredentialsUseCase;
import io.gatekey.application.port.in.credential.RevokeTemporaryCredentialsUseCase;
import jakarta.inject.Singleton;

/** The use cases behind NCP's Sub Account routes, injected as one. */
@Singleton
record NcpSubAccountUseCases(
        SetLoginAliasUseCase setLoginAlias,
        GetLoginAliasUseCase getLoginAlias,
        ListSubAccountsUseCase listSubAccounts,
        CreateSubAccountUseCase createSubAccount,
        GetSubAccountUseCase getSubAccount,
        UpdateSubAccountUseCase updateSubAccount,
        SetSubAccountPasswordUseCase setSubAccountPassword,
        DeleteSubAccountUseCase deleteSubAccount,
        CreateAccessKeyUseCase createAccessKey,
        ListAccessKeysUseCase listAccessKeys,
        ActivateAccessKeyUseCase activateAccessKey,
        DeactivateAccessKeyUseCase deactivateAccessKey,
        DeleteAccessKeyUseCase deleteAccessKey,
        ListTemporaryCredentialsUseCase listTemporaryCredentials,
        RevokeTemporaryCredentialsUseCase revokeTemporaryCredentials) {
}
