package io.gatekey.adapter.persistence;

import io.gatekey.application.contract.RequestNonceRegistryContract;
import io.gatekey.application.service.GatekeyPorts;
import java.time.Clock;

class H2RequestNonceRegistryTest extends RequestNonceRegistryContract {

    @Override
    protected GatekeyPorts newPorts() {
        return TestStore.h2().ports(Clock.systemUTC());
    }
}
