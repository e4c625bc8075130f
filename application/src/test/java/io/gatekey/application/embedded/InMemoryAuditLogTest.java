package io.gatekey.application.embedded;

import io.gatekey.application.contract.AuditLogContract;
import io.gatekey.application.service.GatekeyPorts;
import java.time.Clock;

class InMemoryAuditLogTest extends AuditLogContract {

    @Override
    protected GatekeyPorts newPorts() {
        return EmbeddedGatekey.inMemoryPorts(Clock.systemUTC());
    }
}
