package io.gatekey.adapter.persistence;

import io.gatekey.application.contract.AccountRepositoryContract;
import io.gatekey.application.service.GatekeyPorts;
import java.time.Clock;

class MariaDbAccountRepositoryTest extends AccountRepositoryContract {

    @Override
    protected GatekeyPorts newPorts() {
        return TestStore.mariaDb().ports(Clock.systemUTC());
    }
}
