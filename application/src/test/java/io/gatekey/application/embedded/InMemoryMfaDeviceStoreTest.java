package io.gatekey.application.embedded;

import io.gatekey.application.contract.MfaDeviceStoreContract;
import io.gatekey.application.service.GatekeyPorts;
import java.time.Clock;

class InMemoryMfaDeviceStoreTest extends MfaDeviceStoreContract {

    @Override
    protected GatekeyPorts newPorts() {
        return EmbeddedGatekey.inMemoryPorts(Clock.systemUTC());
    }
}
