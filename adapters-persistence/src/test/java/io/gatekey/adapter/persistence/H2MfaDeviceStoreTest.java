package io.gatekey.adapter.persistence;

import io.gatekey.application.contract.MfaDeviceStoreContract;
import io.gatekey.application.service.GatekeyPorts;
import java.time.Clock;

class H2MfaDeviceStoreTest extends MfaDeviceStoreContract {

    @Override
    protected GatekeyPorts newPorts() {
        return TestStore.h2().ports(Clock.systemUTC());
    }
}
