package io.gatekey.application.embedded;

import io.gatekey.application.port.out.AuditLog;
import io.gatekey.application.service.GatekeyPorts;
import io.gatekey.application.service.GatekeyServices;
import io.gatekey.application.service.GatekeySettings;
import io.gatekey.domain.access.Principal;
import java.time.Clock;

/**
 * Gatekey as a library: every use case over in-memory, thread-safe stores. State lives as long as this object.
 *
 * <pre>{@code
 * EmbeddedGatekey gatekey = EmbeddedGatekey.inMemory();
 * var account = gatekey.useCases().createAccount().create(new CreateAccountUseCase.Command(gatekey.operator(), new AccountName("acme")));
 * }</pre>
 */
public final class EmbeddedGatekey {

    private final GatekeyServices useCases;
    private final AuditLog auditLog;

    private EmbeddedGatekey(GatekeyServices useCases, AuditLog auditLog) {
        this.useCases = useCases;
        this.auditLog = auditLog;
    }

    public static EmbeddedGatekey inMemory() {
        return inMemory(Clock.systemUTC(), GatekeySettings.DEFAULT);
    }

    public static EmbeddedGatekey inMemory(Clock clock) {
        return inMemory(clock, GatekeySettings.DEFAULT);
    }

    public static EmbeddedGatekey inMemory(Clock clock, GatekeySettings settings) {
        GatekeyPorts ports = inMemoryPorts(clock);
        return new EmbeddedGatekey(new GatekeyServices(ports, settings), ports.auditLog());
    }

    /** Fresh in-memory ports, for wiring use cases by hand. */
    public static GatekeyPorts inMemoryPorts(Clock clock) {
        InMemoryMfaDevices devices = new InMemoryMfaDevices();
        InMemorySubAccountRepository subAccounts = new InMemorySubAccountRepository();
        return new GatekeyPorts(new InMemoryAccountRepository(), subAccounts,
                new InMemoryAccessKeyRepository(subAccounts), devices, devices, devices, new InMemoryTemporaryCredentialRepository(),
                new InMemoryAuditLog(), new InMemoryRequestNonceRegistry(), new InMemoryConsoleSessions(),
                new SecureRandomSource(), new InMemoryTransactionRunner(), clock);
    }

    public GatekeyServices useCases() {
        return useCases;
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    /** The embedding program acts as the installation's operator. */
    public Principal operator() {
        return new Principal.Operator();
    }
}
