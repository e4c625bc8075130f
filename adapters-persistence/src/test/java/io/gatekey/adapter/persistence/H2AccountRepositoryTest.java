package io.gatekey.adapter.persistence;

import io.gatekey.application.contract.AccountRepositoryContract;
import io.gatekey.application.service.GatekeyPorts;
import java.time.Clock;

class H2AccountRepositoryTest extends AccountRepositoryContract {

    @Override
    protected GatekeyPorts newPorts() {
        return TestStore.h2().ports(Clock.systemUTC());
    }
}
