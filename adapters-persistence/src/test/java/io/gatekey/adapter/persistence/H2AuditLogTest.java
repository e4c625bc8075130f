package io.gatekey.adapter.persistence;

import io.gatekey.application.contract.AuditLogContract;
import io.gatekey.application.service.GatekeyPorts;
import java.time.Clock;

class H2AuditLogTest extends AuditLogContract {

    @Override
    protected GatekeyPorts newPorts() {
        return TestStore.h2().ports(Clock.systemUTC());
    }
}
