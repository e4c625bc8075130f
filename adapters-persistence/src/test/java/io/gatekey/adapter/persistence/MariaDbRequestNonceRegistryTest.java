package io.gatekey.adapter.persistence;

import io.gatekey.application.contract.RequestNonceRegistryContract;
import io.gatekey.application.service.GatekeyPorts;
import java.time.Clock;

class MariaDbRequestNonceRegistryTest extends RequestNonceRegistryContract {

    @Override
    protected GatekeyPorts newPorts() {
        return TestStore.mariaDb().ports(Clock.systemUTC());
    }
}
