package io.gatekey.adapter.persistence;

import io.gatekey.application.contract.AccessKeyRepositoryContract;
import io.gatekey.application.service.GatekeyPorts;
import java.time.Clock;

class MariaDbAccessKeyRepositoryTest extends AccessKeyRepositoryContract {

    @Override
    protected GatekeyPorts newPorts() {
        return TestStore.mariaDb().ports(Clock.systemUTC());
    }
}
