package io.gatekey.application.embedded;

import io.gatekey.application.contract.RequestNonceRegistryContract;
import io.gatekey.application.service.GatekeyPorts;
import java.time.Clock;

class InMemoryRequestNonceRegistryTest extends RequestNonceRegistryContract {

    @Override
    protected GatekeyPorts newPorts() {
        return EmbeddedGatekey.inMemoryPorts(Clock.systemUTC());
    }
}
