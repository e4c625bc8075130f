package io.gatekey.adapter.persistence;

import io.gatekey.application.contract.SubAccountRepositoryContract;
import io.gatekey.application.service.GatekeyPorts;
import java.time.Clock;

class MariaDbSubAccountRepositoryTest extends SubAccountRepositoryContract {

    @Override
    protected GatekeyPorts newPorts() {
        return TestStore.mariaDb().ports(Clock.systemUTC());
    }
}
