package io.gatekey.app.http;

import io.gatekey.application.port.in.account.SetLoginAliasUseCase;
import io.gatekey.application.port.in.account.SetSubAccountPasswordUseCase;
import io.gatekey.application.port.in.account.UpdateSubAccountUseCase;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.ConsolePassword;
import io.gatekey.domain.account.LoginAlias;
import io.gatekey.domain.account.SubAccountProfile;
import java.util.List;
import java.util.Optional;

/** An NCP tenant whose user may sign in to the console at the alias {@code alias} with {@link #PASSWORD}. */
final class ConsoleFixture {

    static final String PASSWORD = "Corr3ct-Horse!";

    final NcpFixture tenant;
    final String alias;

    ConsoleFixture(TestServer server, String name, String alias, boolean mfaMandatory, boolean needPasswordReset) {
        this(new NcpFixture(server, name), alias, mfaMandatory, needPasswordReset);
    }

    /** The console opened for a tenant set up already. */
    ConsoleFixture(NcpFixture tenant, String alias, boolean mfaMandatory, boolean needPasswordReset) {
        TestServer server = tenant.server;
        this.tenant = tenant;
        this.alias = alias;
        Principal operator = new Principal.Operator();
        server.useCases.setLoginAlias().setLoginAlias(new SetLoginAliasUseCase.Command(operator, tenant.accountId, new LoginAlias(alias)));
        SubAccountProfile p = tenant.user.profile();
        server.useCases.updateSubAccount().update(new UpdateSubAccountUseCase.Command(operator, tenant.user.id(), new SubAccountProfile(p.name(),
                p.email(), p.memo(), p.canApiGatewayAccess(), false, List.of(), true, mfaMandatory, needPasswordReset, false, List.of()),
                Optional.empty()));
        server.useCases.setSubAccountPassword().setPassword(new SetSubAccountPasswordUseCase.Command(operator, tenant.user.id(),
                ConsolePassword.of(PASSWORD), needPasswordReset));
    }
}
