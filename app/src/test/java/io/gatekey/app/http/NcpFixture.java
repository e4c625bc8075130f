package io.gatekey.app.http;

import io.gatekey.application.port.in.accesskey.CreateAccessKeyUseCase;
import io.gatekey.application.port.in.account.CreateAccountUseCase;
import io.gatekey.application.port.in.account.CreateSubAccountUseCase;
import io.gatekey.application.port.in.mfa.CreateMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.EnableMfaDeviceUseCase;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.KeyOwner;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.AccountName;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountName;
import io.gatekey.domain.mfa.MfaDeviceName;
import io.gatekey.domain.mfa.MfaSerialNumber;
import io.gatekey.domain.mfa.Totp;
import io.gatekey.domain.mfa.TotpParameters;
import io.gatekey.domain.mfa.TotpSeed;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** One tenant on a test server, set up through the use cases: an admin key, a user with a key and an enabled device. */
public final class NcpFixture {

    public final TestServer server;
    public final AccountId accountId;
    public final AccessKey adminKey;
    public final SubAccount user;
    public final AccessKey userKey;
    public final MfaSerialNumber serial;
    public final TotpSeed seed;

    public NcpFixture(TestServer server, String name) {
        this.server = server;
        Principal operator = new Principal.Operator();
        var created = server.useCases.createAccount().create(new CreateAccountUseCase.Command(operator, new AccountName(name)));
        accountId = created.account().id();
        adminKey = created.adminKey();
        user = server.useCases.createSubAccount().create(new CreateSubAccountUseCase.Command(operator, accountId, new SubAccountName("alice")));
        userKey = server.useCases.createAccessKey().create(new CreateAccessKeyUseCase.Command(operator, KeyOwner.subAccount(accountId, user.id())));
        var device = server.useCases.createMfaDevice().create(new CreateMfaDeviceUseCase.Command(operator, user.id(), new MfaDeviceName("phone")));
        serial = device.device().serialNumber();
        seed = TotpSeed.fromBase32(device.base32Seed());
        server.useCases.enableMfaDevice().enable(new EnableMfaDeviceUseCase.Command(operator, user.id(), serial, code(-1), code(0)));
    }

    /** The code for the step {@code offset} steps from the server clock's current one. */
    public String code(int offset) {
        return Totp.code(seed, TotpParameters.DEFAULT, Totp.stepAt(server.clock.instant(), 30) + offset);
    }

    public Principal userPrincipal() {
        return new Principal.SubAccountUser(accountId, user.id(), userKey.id(), java.util.Optional.empty());
    }

    public NcpClient admin() {
        return new NcpClient(server, adminKey.id().value(), adminKey.secret().reveal());
    }

    public NcpClient user() {
        return new NcpClient(server, userKey.id().value(), userKey.secret().reveal());
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> json(String body) {
        try {
            return server.context.getBean(JsonMapper.class).readValue(body, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
