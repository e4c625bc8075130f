package io.gatekey.adapter.persistence;

import io.gatekey.application.contract.AuditLogContract;
import io.gatekey.application.service.GatekeyPorts;
import java.time.Clock;

class MariaDbAuditLogTest extends AuditLogContract {

    @Override
    protected GatekeyPorts newPorts() {
        return TestStore.mariaDb().ports(Clock.systemUTC());
    }
}
