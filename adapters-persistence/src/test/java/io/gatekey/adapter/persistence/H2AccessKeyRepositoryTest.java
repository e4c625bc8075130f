package io.gatekey.adapter.persistence;

import io.gatekey.application.contract.AccessKeyRepositoryContract;
import io.gatekey.application.service.GatekeyPorts;
import java.time.Clock;

class H2AccessKeyRepositoryTest extends AccessKeyRepositoryContract {

    @Override
    protected GatekeyPorts newPorts() {
        return TestStore.h2().ports(Clock.systemUTC());
    }
}
