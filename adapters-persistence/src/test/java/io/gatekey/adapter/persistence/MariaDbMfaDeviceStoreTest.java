package io.gatekey.adapter.persistence;

import io.gatekey.application.contract.MfaDeviceStoreContract;
import io.gatekey.application.service.GatekeyPorts;
import java.time.Clock;

class MariaDbMfaDeviceStoreTest extends MfaDeviceStoreContract {

    @Override
    protected GatekeyPorts newPorts() {
        return TestStore.mariaDb().ports(Clock.systemUTC());
    }
}
