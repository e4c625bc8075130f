package io.gatekey.adapter.persistence;

import io.gatekey.application.contract.TemporaryCredentialRepositoryContract;
import io.gatekey.application.service.GatekeyPorts;
import java.time.Clock;

class H2TemporaryCredentialRepositoryTest extends TemporaryCredentialRepositoryContract {

    @Override
    protected GatekeyPorts newPorts() {
        return TestStore.h2().ports(Clock.systemUTC());
    }
}
