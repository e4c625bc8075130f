package io.gatekey.adapter.persistence;

import io.gatekey.application.contract.SubAccountRepositoryContract;
import io.gatekey.application.service.GatekeyPorts;
import java.time.Clock;

class H2SubAccountRepositoryTest extends SubAccountRepositoryContract {

    @Override
    protected GatekeyPorts newPorts() {
        return TestStore.h2().ports(Clock.systemUTC());
    }
}
